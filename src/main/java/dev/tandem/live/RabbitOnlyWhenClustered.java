package dev.tandem.live;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's RabbitMQ auto-configuration out unless {@code tandem.cluster.live-updates=rabbitmq}
 * (the only user of RabbitMQ, {@link RabbitBroadcast}). A single node otherwise builds a connection factory,
 * template, admin and listener infrastructure it never uses: about 290 classes and a second of a 2-core
 * machine's start-up under load (docs/benchmarks.md, start-up against a bare app). Registered in
 * {@code META-INF/spring.factories}.
 */
class RabbitOnlyWhenClustered implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String RABBIT_AUTO_CONFIGURATION = "org.springframework.boot.amqp.autoconfigure.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean clustered = "rabbitmq".equals(environment.getProperty("tandem.cluster.live-updates"));
        boolean[] match = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            match[i] = clustered || candidates[i] == null || !candidates[i].startsWith(RABBIT_AUTO_CONFIGURATION);
        }
        return match;
    }
}
