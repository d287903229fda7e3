package dev.tandem.privacy;

import java.time.Instant;

/** The retention job deleted or anonymised the conversations older than {@code before}. */
public record ConversationsRetired(Instant at, String action, Instant before, int conversations, int customers) {
}
