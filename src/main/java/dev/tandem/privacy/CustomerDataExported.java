package dev.tandem.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An admin downloaded all data of a customer. */
public record CustomerDataExported(Instant at, String actor, List<UUID> customerIds, int conversations) {
}
