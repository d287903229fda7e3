package dev.tandem.identity;

import java.util.UUID;

public record Team(UUID id, String name) {
}
