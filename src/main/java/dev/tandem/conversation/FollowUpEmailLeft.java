package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/** The customer left an address to be answered by email (published only when the address changed). */
public record FollowUpEmailLeft(UUID conversationId, UUID teamId, String email, Instant at) {
}
