package dev.tandem.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.conversation.ConversationPriority;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Routing", description = "Agent presence and capacity, missed first-response targets")
class RoutingApi {

    private final AgentPresence presence;
    private final UserDirectory directory;
    private final ConversationQueries conversations;
    private final SlaBreaches breaches;
    private final RoutingProperties properties;

    RoutingApi(AgentPresence presence, UserDirectory directory, ConversationQueries conversations,
            SlaBreaches breaches, RoutingProperties properties) {
        this.presence = presence;
        this.directory = directory;
        this.conversations = conversations;
        this.breaches = breaches;
        this.properties = properties;
    }

    /**
     * @param changedBy AGENT, or TIMEOUT when not seen for {@code tandem.routing.presence.offline-after}, or
     *     SIGN_OUT
     * @param statusBeforeTimeout after a timeout, the status to go back to; else null
     */
    record PresenceJson(PresenceStatus status, Instant since, AgentPresence.ChangedBy changedBy,
            PresenceStatus statusBeforeTimeout, Instant lastSeenAt) {

        static PresenceJson of(AgentPresence.Presence presence) {
            return new PresenceJson(presence.status(), presence.since(), presence.changedBy(),
                    presence.statusBeforeTimeout(), presence.lastSeenAt());
        }
    }

    record PresenceChange(@NotNull(message = "is required: ONLINE, AWAY or OFFLINE") PresenceStatus status) {
    }

    record AgentJson(UUID id, String username, String displayName, Set<UUID> teamIds, Set<String> languages,
            Set<String> skills, PresenceStatus presence, long assigned, int capacity) {
    }

    record BreachJson(UUID conversationId, UUID teamId, ConversationPriority priority, Instant dueAt,
            Instant breachedAt) {
    }

    @GetMapping("/me/presence")
    @Operation(summary = "Your presence: ONLINE (you get conversations automatically), AWAY or OFFLINE; "
            + "changedBy TIMEOUT when you were set offline for not being seen")
    PresenceJson mine(CurrentUser me) {
        return PresenceJson.of(presence.of(me.id()));
    }

    @PutMapping("/me/presence")
    @Operation(summary = "Set your presence: {\"status\": \"ONLINE\" | \"AWAY\" | \"OFFLINE\"}")
    PresenceJson set(CurrentUser me, @Valid @RequestBody PresenceChange change) {
        return PresenceJson.of(presence.set(me.id(), change.status()));
    }

    @GetMapping("/routing/agents")
    @Operation(summary = "Agents of the teams you see: presence, open conversations and capacity")
    List<AgentJson> agents(CurrentUser me) {
        Map<UUID, PresenceStatus> all = presence.all();
        Map<UUID, Long> loads = conversations.assignedCounts();
        return directory.agents().stream()
            .filter(agent -> agent.roles().contains(Role.AGENT))
            .filter(agent -> me.seesAllTeams() || agent.teamIds().stream().anyMatch(me.teamIds()::contains))
            .sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
            .map(agent -> new AgentJson(agent.id(), agent.username(), agent.displayName(), agent.teamIds(),
                    agent.languages(), agent.skills(), all.getOrDefault(agent.id(), PresenceStatus.OFFLINE),
                    loads.getOrDefault(agent.id(), 0L), agent.maxConcurrent()))
            .toList();
    }

    @GetMapping("/routing/breaches")
    @Operation(summary = "Customers still waiting past their first-response target, in the teams you see")
    List<BreachJson> breaches(CurrentUser me) {
        return breaches.unanswered().stream().filter(b -> me.canSeeTeam(b.teamId()))
            .map(b -> new BreachJson(b.conversationId(), b.teamId(), b.priority(), b.dueAt(), b.breachedAt()))
            .toList();
    }

    record Settings(boolean autoAssign, RoutingProperties.Sla sla, List<RoutingProperties.Rule> rules,
            RoutingProperties.BusinessHours businessHours, RoutingProperties.PresenceSettings presence) {
    }

    @GetMapping("/routing/settings")
    @Operation(summary = "The routing rules, first-response targets, business hours, auto-assignment and presence "
            + "timeout in effect")
    Settings settings() {
        return new Settings(properties.autoAssign(), properties.sla(), properties.rules(), properties.businessHours(),
                properties.presence());
    }
}
