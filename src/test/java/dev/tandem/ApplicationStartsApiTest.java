package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@TandemTest
class ApplicationStartsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Test
    void runsOnTheDatabaseTheBuildAskedFor() throws Exception {
        String expected = "postgresql".equals(System.getProperty("tandem.test.database")) ? "PostgreSQL" : "H2";
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
    }

    @Test
    void migratesTheSchemaAndCreatesTheBootstrapAdmin() {
        assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Long.class).single())
            .isEqualTo(1);
    }

    /** One node (tandem.cluster.rate-limits=local): no Redis client, no Redis health check to go DOWN. */
    @Test
    void aSingleNodeKeepsItsLimitsInMemoryAndNeverTouchesRedis() {
        assertThat(context.getBean(dev.tandem.limits.RateLimiter.class).getClass().getSimpleName())
            .isEqualTo("LocalRateLimiter");
        assertThat(context.getBeanNamesForType(org.springframework.data.redis.connection.RedisConnectionFactory.class))
            .isEmpty();
        assertThat(context.getBeanNamesForType(io.lettuce.core.AbstractRedisClient.class)).isEmpty();
        assertThat(context.containsBean("redisHealthContributor")).isFalse();
        var health = ApiCaller.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"status\":\"UP\"").doesNotContain("redis");
    }
}
