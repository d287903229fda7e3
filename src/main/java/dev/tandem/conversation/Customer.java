package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

public record Customer(UUID id, String name, String email, String externalId, Instant createdAt) {

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email != null ? email : "Visitor";
    }
}
