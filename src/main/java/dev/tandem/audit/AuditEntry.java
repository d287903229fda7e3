package dev.tandem.audit;

import java.time.Instant;
import java.util.UUID;

public record AuditEntry(UUID id, Instant occurredAt, String actor, String action, String targetType, String targetId,
        String detail, String remoteIp) {
}
