package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@TandemTest
class ApplicationStartsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

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
}
