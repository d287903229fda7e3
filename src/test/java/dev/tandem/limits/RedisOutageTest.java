package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;

/**
 * {@code tandem.cluster.rate-limits=redis} with no Redis behind the address (port 1 refuses): the
 * application starts, stays healthy, takes customers' messages and sign-ins, and still limits on
 * this node — no 500 anywhere.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.cluster.rate-limits=redis", "spring.data.redis.host=127.0.0.1",
        "spring.data.redis.port=1" })
class RedisOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter limiter;

    @Test
    void customersWriteAndTheLimitsHoldOnThisNode() {
        assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
        var customer = WidgetCustomer.start(new TestApi(port), "Where is my parcel?");
        customer.post("It was due on Monday.").expect(201);

        TestApi.Response refused = null;
        // the test profile allows 60 messages a minute in bursts of 30
        for (int i = 0; i < 40 && refused == null; i++) {
            var reply = customer.post("Hello? " + i);
            if (reply.status() != 201) {
                refused = reply;
            }
        }
        assertThat(refused).as("a refusal within 40 messages").isNotNull();
        refused.expectProblem(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(((RedisRateLimiter) limiter).shared()).isFalse();
    }

    @Test
    void signInStillWorksAndGuessingIsStillThrottled() {
        assertThat(ApiCaller.basic(port, "admin", "admin-password-for-tests").get("/api/me").status()).isEqualTo(200);

        var guesser = ApiCaller.basic(port, "nobody-by-that-name", "guess");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(guesser.get("/api/me").status()).as("attempt " + attempt).isEqualTo(401);
        }
        var throttled = guesser.get("/api/me");
        assertThat(throttled.status()).isEqualTo(401);
        assertThat(throttled.detail()).contains("Too many failed sign-ins");
        assertThat(ApiCaller.anonymous(port).get("/actuator/health").text()).contains("\"status\":\"UP\"");
    }
}
