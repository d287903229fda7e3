package dev.tandem.identity;

import java.util.Set;
import java.util.UUID;

public record UserSummary(UUID id, String username, String displayName, String email, Set<Role> roles,
        Set<UUID> teamIds, Set<String> languages, Set<String> skills, int maxConcurrent, boolean enabled) {

    public boolean isAgent() {
        return roles.contains(Role.AGENT) || roles.contains(Role.SUPERVISOR);
    }
}
