package dev.tandem.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

import dev.tandem.limits.TestRedis;

/**
 * Two nodes with {@code tandem.cluster.rate-limits=redis}: what a customer spends on one node is
 * gone on the other, so a load balancer cannot multiply the limits.
 */
class SharedRateLimitsTest {

    @BeforeAll
    static void redisRuns() {
        TestRedis.assumeRunning();
    }

    @AfterAll
    static void close() {
        TestRedis.closeNodes();
    }

    @Test
    void messagesOfOneConversationCountOnEveryNode() {
        // 10 messages a minute, bursts of 5
        var settings = new ChannelProperties(new ChannelProperties.RateLimit(true, 10, 1000, 1000), null);
        var first = new RateLimits(settings, TestRedis.node());
        var second = new RateLimits(settings, TestRedis.node());
        var conversation = UUID.randomUUID();

        for (int message = 1; message <= 5; message++) {
            (message % 2 == 0 ? second : first).message(conversation);
        }

        assertThatThrownBy(() -> second.message(conversation)).isInstanceOfSatisfying(ErrorResponseException.class,
                tooMany -> {
                    assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
                    assertThat(tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
                });
        assertThatThrownBy(() -> first.message(conversation)).isInstanceOf(ErrorResponseException.class);
        first.message(UUID.randomUUID());
    }

    @Test
    void newConversationsPerAddressCountOnEveryNode() {
        var settings = new ChannelProperties(new ChannelProperties.RateLimit(true, 10, 1000, 2), null);
        var first = new RateLimits(settings, TestRedis.node());
        var second = new RateLimits(settings, TestRedis.node());
        String address = "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();

        first.newConversation(address);
        first.newConversation(address);

        assertThatThrownBy(() -> second.newConversation(address)).isInstanceOf(ErrorResponseException.class);
    }
}
