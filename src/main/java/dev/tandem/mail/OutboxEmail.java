package dev.tandem.mail;

import java.time.Instant;

/** One email as it left: who it went to, what it said, and when. */
public record OutboxEmail(String to, String subject, String body, Instant sentAt) {
}
