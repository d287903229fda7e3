package dev.tandem.assist;

import java.time.Instant;
import java.util.UUID;

/**
 * A canned reply with {@code {{variables}}} ({@link MacroVariables}).
 *
 * @param teamId the team it is for; null for every team
 */
record Macro(UUID id, UUID teamId, String title, String body, Instant updatedAt, long version) {
}
