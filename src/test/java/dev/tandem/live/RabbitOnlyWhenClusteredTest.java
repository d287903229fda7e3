package dev.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RabbitOnlyWhenClusteredTest {

    private static final String[] CANDIDATES = { "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
            "org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration", null };

    @Test
    void aSingleNodeLeavesRabbitMqOut() {
        assertThat(filter(new MockEnvironment()).match(CANDIDATES, null)).containsExactly(false, false, true, true);
        assertThat(filter(new MockEnvironment().withProperty("tandem.cluster.live-updates", "local"))
            .match(CANDIDATES, null)).containsExactly(false, false, true, true);
    }

    @Test
    void liveUpdatesThroughRabbitMqKeepIt() {
        assertThat(filter(new MockEnvironment().withProperty("tandem.cluster.live-updates", "rabbitmq"))
            .match(CANDIDATES, null)).containsExactly(true, true, true, true);
    }

    private static RabbitOnlyWhenClustered filter(MockEnvironment environment) {
        var filter = new RabbitOnlyWhenClustered();
        filter.setEnvironment(environment);
        return filter;
    }
}
