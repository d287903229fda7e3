package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tandem.identity.Role;
import dev.tandem.identity.UserSummary;

class LeastLoadedTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final UUID OTHER_TEAM = UUID.randomUUID();

    private static UserSummary agent(String name, Set<String> languages, Set<String> skills, int capacity,
            UUID... teams) {
        return new UserSummary(UUID.randomUUID(), name, name, name + "@example.com", Set.of(Role.AGENT), Set.of(teams),
                languages, skills, capacity, true);
    }

    private final UserSummary ana = agent("ana", Set.of("en", "es"), Set.of("payments"), 4, TEAM);
    private final UserSummary ben = agent("ben", Set.of("en"), Set.of(), 4, TEAM);
    private final UserSummary cleo = agent("cleo", Set.of("en"), Set.of(), 2, TEAM);
    private final UserSummary dan = agent("dan", Set.of("en", "es"), Set.of(), 4, OTHER_TEAM);
    private final List<UserSummary> everyone = List.of(ana, ben, cleo, dan);
    private final Map<UUID, PresenceStatus> allOnline = Map.of(ana.id(), PresenceStatus.ONLINE, ben.id(),
            PresenceStatus.ONLINE, cleo.id(), PresenceStatus.ONLINE, dan.id(), PresenceStatus.ONLINE);

    @Test
    void theLeastLoadedQualifiedAgentComesFirst() {
        var loads = Map.of(ana.id(), 3L, ben.id(), 1L, cleo.id(), 1L, dan.id(), 0L);
        var ranked = LeastLoaded.ranked(everyone, loads, allOnline, new LeastLoaded.Requirements(TEAM, null, null));
        // dan is in another team; ben and cleo have one each, ben has more room left
        assertThat(ranked).containsExactly(ben, cleo, ana);
    }

    @Test
    void onlyOnlineAgentsWithRoomQualify() {
        var loads = Map.of(cleo.id(), 2L);
        var presence = Map.of(ana.id(), PresenceStatus.AWAY, cleo.id(), PresenceStatus.ONLINE);
        var ranked = LeastLoaded.ranked(everyone, loads, presence, new LeastLoaded.Requirements(TEAM, null, null));
        assertThat(ranked).isEmpty(); // ana away, ben never said (offline), cleo full
    }

    @Test
    void theCustomersLanguageAndTheRequiredSkillAreRequired() {
        var loads = Map.of(ana.id(), 3L);
        assertThat(LeastLoaded.ranked(everyone, loads, allOnline, new LeastLoaded.Requirements(TEAM, "es", null)))
            .containsExactly(ana);
        assertThat(LeastLoaded.ranked(everyone, loads, allOnline, new LeastLoaded.Requirements(TEAM, null, "Payments")))
            .containsExactly(ana);
        assertThat(LeastLoaded.ranked(everyone, loads, allOnline, new LeastLoaded.Requirements(TEAM, "fr", null)))
            .isEmpty();
    }

    @Test
    void withoutATeamAnyTeamWillDo() {
        var ranked = LeastLoaded.ranked(everyone, Map.of(), allOnline, new LeastLoaded.Requirements(null, "es", null));
        assertThat(ranked).containsExactly(ana, dan);
    }

    @Test
    void disabledUsersAndNonAgentsNeverQualify() {
        var curator = new UserSummary(UUID.randomUUID(), "cur", "cur", null, Set.of(Role.CURATOR), Set.of(TEAM),
                Set.of("en"), Set.of(), 4, true);
        var gone = new UserSummary(UUID.randomUUID(), "gone", "gone", null, Set.of(Role.AGENT), Set.of(TEAM),
                Set.of("en"), Set.of(), 4, false);
        var presence = Map.of(curator.id(), PresenceStatus.ONLINE, gone.id(), PresenceStatus.ONLINE);
        assertThat(LeastLoaded.ranked(List.of(curator, gone), Map.of(), presence,
                new LeastLoaded.Requirements(TEAM, null, null))).isEmpty();
    }
}
