package dev.tandem.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A user as the admin API shows it: sets as sorted lists, so that responses are stable. */
record UserJson(UUID id, String username, String displayName, String email, List<Role> roles, List<UUID> teamIds,
        List<String> languages, List<String> skills, int maxConcurrent, boolean enabled) {

    static UserJson of(UserSummary user) {
        return new UserJson(user.id(), user.username(), user.displayName(), user.email(), sorted(user.roles()),
                sorted(user.teamIds()), sorted(user.languages()), sorted(user.skills()), user.maxConcurrent(),
                user.enabled());
    }

    private static <T extends Comparable<? super T>> List<T> sorted(Set<T> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
