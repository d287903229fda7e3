package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;

/** A signed-in caller over the API's limit gets 429 with Retry-After and nothing done; other callers go on. */
@TandemTest
@TestPropertySource(properties = "tandem.api.rate-limit.requests-per-minute=5")
class ApiRateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCallerOverTheLimitWaitsAndOthersGoOn() {
        var people = new TestAccounts(accounts, teams);
        var api = new TestApi(port);
        var busyUser = people.agent();
        var busy = api.as(busyUser.username(), TestAccounts.PASSWORD);
        var other = api.as(people.agent().username(), TestAccounts.PASSWORD);

        for (int i = 0; i < 5; i++) {
            busy.get("/api/me/tokens").expect(200);
        }
        var refused = busy.post("/api/me/tokens", java.util.Map.of("name", "script")).expectProblem(429);
        assertThat(refused.detail()).contains("More than 5 API calls a minute").contains("try again in");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 61);
        other.get("/api/me/tokens").expect(200);
        other.get("/api/me/tokens").expect(200);
        assertThat(jdbc.sql("select count(*) from api_token where user_id = ?").param(busyUser.id()).query(Long.class)
            .single()).as("the refused call created no token").isZero();

        for (int i = 0; i < 8; i++) {
            WidgetCustomer.start(api, "The widget's own limits apply to customers, not this one " + i);
        }
    }
}
