package dev.tandem.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One customer's data was erased. Carries no erased content: who asked, which customer ids (random, meaningless once
 * erased) and how many rows of which table went.
 */
public record CustomerDataErased(Instant at, String actor, List<UUID> customerIds, int conversations, Map<String, Integer> rows) {
}
