package dev.tandem;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the tests at the local PostgreSQL when {@code tandem.test.database=postgresql}: each test
 * JVM gets its own fresh schema, dropped when the JVM exits. When PostgreSQL cannot be reached the
 * run fails if {@code CI=true}; on a developer's machine it stays on H2 with a loud warning.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    static final String URL = System.getProperty("tandem.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("tandem.test.postgres-user", "postgres");
    private static String schema;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"postgresql".equals(System.getProperty("tandem.test.database"))) {
            return;
        }
        String unreachable = unreachable();
        if (unreachable != null) {
            String message = "PostgreSQL at " + URL + " is not reachable (" + unreachable + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; the PostgreSQL test run is mandatory in CI.");
            }
            System.err.println("WARNING: " + message + "; running the PostgreSQL test run on H2 instead.");
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("tandem-test-postgresql", Map.of(
                "spring.datasource.url", URL + "?currentSchema=" + schema(),
                "spring.datasource.username", USER,
                "spring.datasource.password", "",
                "spring.flyway.schemas", schema(),
                "spring.flyway.default-schema", schema())));
    }

    private static synchronized String schema() {
        if (schema == null) {
            schema = "tandem_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var connection = DriverManager.getConnection(URL, USER, "")) {
                    connection.createStatement().execute("drop schema if exists " + schema + " cascade");
                }
                catch (SQLException e) {
                    System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
                }
            }));
        }
        return schema;
    }

    /** Why PostgreSQL cannot be used, or null when it can. */
    private static String unreachable() {
        try (var connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(2) ? null : "the connection is not valid";
        }
        catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
