package dev.tandem.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The emailed rating links: they rate one conversation until they expire, and cannot be made up or altered. */
class RatingLinksTest {

    private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");

    private static RatingLinks at(Instant now, String key) {
        var properties = new InsightProperties(new InsightProperties.Summaries(true, true, 8, 240),
                new InsightProperties.Outcomes(true, Duration.ofHours(24), Duration.ofMinutes(1)),
                new InsightProperties.Csat(true, "https://support.example.com/", Duration.ofDays(14), key, 1000));
        return new RatingLinks(null, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkRatesItsConversationUntilItExpires() {
        UUID conversation = UUID.randomUUID();
        String path = at(SENT, "k1").path(conversation);
        assertThat(at(SENT, "k1").url(conversation)).startsWith("https://support.example.com/rate/");
        String token = path.substring("/rate/".length());
        assertThat(at(SENT.plus(Duration.ofDays(13)), "k1").check(token)).contains(conversation);
        assertThat(at(SENT.plus(Duration.ofDays(15)), "k1").check(token)).as("expired").isEmpty();
    }

    @Test
    void aLinkThatWasAlteredOrSignedWithAnotherKeyRatesNothing() {
        UUID conversation = UUID.randomUUID();
        String token = at(SENT, "k1").path(conversation).substring("/rate/".length());
        assertThat(at(SENT, "another key").check(token)).isEmpty();
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherPayload = at(SENT, "k1").path(UUID.randomUUID()).substring("/rate/".length()).split("\\.")[0];
        assertThat(at(SENT, "k1").check(otherPayload + "." + signature)).as("another conversation, same signature").isEmpty();
        assertThat(at(SENT, "k1").check(payload)).isEmpty();
        assertThat(at(SENT, "k1").check("not a token")).isEmpty();
        assertThat(at(SENT, "k1").check("@@@.###")).isEmpty();
        assertThat(at(SENT, "k1").check(null)).isEmpty();
    }
}
