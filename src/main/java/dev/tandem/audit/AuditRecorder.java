package dev.tandem.audit;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.channel.WidgetInboxes.WidgetSettingsChanged;
import dev.tandem.conversation.ConversationAssigned;
import dev.tandem.conversation.ConversationReopened;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.ConversationTransferred;
import dev.tandem.guardrails.ConstitutionSaved;
import dev.tandem.insight.ResolutionDefinitionSaved;
import dev.tandem.guardrails.InputFlagged;
import dev.tandem.guardrails.OutputChecked;
import dev.tandem.guardrails.PersonalData;
import dev.tandem.identity.IdentityEvents.ApiTokenIssued;
import dev.tandem.identity.IdentityEvents.ApiTokenRevoked;
import dev.tandem.identity.IdentityEvents.SignInFailed;
import dev.tandem.identity.IdentityEvents.TeamChanged;
import dev.tandem.identity.IdentityEvents.TeamDeleted;
import dev.tandem.identity.IdentityEvents.UserChanged;
import dev.tandem.identity.IdentityEvents.UserCreated;
import dev.tandem.identity.IdentityEvents.UserRolesChanged;
import dev.tandem.identity.IdentityEvents.UserSignedIn;
import dev.tandem.identity.IdentityEvents.UserSignedOut;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;
import dev.tandem.privacy.ConversationsRetired;
import dev.tandem.privacy.CustomerDataErased;
import dev.tandem.privacy.CustomerDataExported;
import dev.tandem.procedures.ProcedureActionTaken;
import dev.tandem.review.ReplyHeld;
import dev.tandem.review.ReplyReviewed;
import dev.tandem.routing.AgentPresence;
import dev.tandem.routing.AgentPresence.PresenceChanged;
import dev.tandem.routing.ConversationRouted;
import dev.tandem.routing.FirstResponseMissed;

/**
 * Writes the audit log from the other modules' events. The listeners run after the change
 * committed and are tracked by the event publication registry, so an entry is retried rather
 * than lost when the first attempt fails.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final UserDirectory directory;

    AuditRecorder(AuditLog log, UserDirectory directory) {
        this.log = log;
        this.directory = directory;
    }

    /** Entries name people the way the admin knows them, and keep the id in case the user is renamed. */
    private String nameOf(UUID userId) {
        return directory.user(userId).map(u -> u.username() + " (" + userId + ")").orElse(String.valueOf(userId));
    }

    private String teamOf(UUID teamId) {
        return teamId == null ? "none" : directory.team(teamId).map(t -> t.name() + " (" + teamId + ")").orElse(teamId.toString());
    }

    @ApplicationModuleListener
    void on(UserSignedIn e) {
        log.append(e.at(), e.username(), "SIGN_IN", "user", e.username(), null, e.remoteIp());
    }

    @ApplicationModuleListener
    void on(UserSignedOut e) {
        log.append(e.at(), e.username(), "SIGN_OUT", "user", e.username(), null, null);
    }

    @ApplicationModuleListener
    void on(SignInFailed e) {
        log.append(e.at(), e.username(), "SIGN_IN_FAILED", "user", e.username(), e.reason(), e.remoteIp());
    }

    @ApplicationModuleListener
    void on(UserCreated e) {
        log.append(e.at(), e.by(), "USER_CREATED", "user", e.username(), "roles " + e.roles(), null);
    }

    @ApplicationModuleListener
    void on(UserRolesChanged e) {
        log.append(e.at(), e.by(), "ROLES_CHANGED", "user", e.username(), e.before() + " → " + e.after(), null);
    }

    @ApplicationModuleListener
    void on(UserChanged e) {
        log.append(e.at(), e.by(), "USER_CHANGED", "user", e.username(), e.change(), null);
    }

    @ApplicationModuleListener
    void on(TeamChanged e) {
        log.append(e.at(), e.by(), "TEAM_CHANGED", "team", e.name(), e.change(), null);
    }

    @ApplicationModuleListener
    void on(TeamDeleted e) {
        log.append(e.at(), e.by(), "TEAM_CHANGED", "team", e.name(), "deleted", null);
    }

    @ApplicationModuleListener
    void on(ApiTokenIssued e) {
        log.append(e.at(), e.by(), "API_TOKEN_ISSUED", "api-token", e.tokenId().toString(),
                "'" + e.tokenName() + "' for " + e.owner(), null);
    }

    @ApplicationModuleListener
    void on(ApiTokenRevoked e) {
        log.append(e.at(), e.by(), "API_TOKEN_REVOKED", "api-token", e.tokenId().toString(),
                "'" + e.tokenName() + "' of " + e.owner(), null);
    }

    @ApplicationModuleListener
    void on(ConversationAssigned e) {
        log.append(e.at(), e.by(), "CONVERSATION_ASSIGNED", "conversation", e.conversationId().toString(),
                "to " + nameOf(e.assigneeId()), null);
    }

    @ApplicationModuleListener
    void on(ConversationTransferred e) {
        String to = e.toAssigneeId() != null ? nameOf(e.toAssigneeId()) : "team " + teamOf(e.toTeamId());
        log.append(e.at(), e.by(), "CONVERSATION_TRANSFERRED", "conversation", e.conversationId().toString(),
                "to " + to + (e.note() == null || e.note().isBlank() ? "" : ": " + e.note()), null);
    }

    @ApplicationModuleListener
    void on(ConversationResolved e) {
        log.append(e.at(), e.by(), "CONVERSATION_RESOLVED", "conversation", e.conversationId().toString(), null, null);
    }

    @ApplicationModuleListener
    void on(ConversationReopened e) {
        log.append(e.at(), e.by() == null ? "customer" : e.by(), "CONVERSATION_REOPENED", "conversation",
                e.conversationId().toString(), null, null);
    }

    @ApplicationModuleListener
    void on(ConversationRouted e) {
        log.append(e.at(), "routing", "CONVERSATION_ROUTED", "conversation", e.conversationId().toString(),
                "to team " + teamOf(e.toTeamId()) + ": " + e.why(), null);
    }

    @ApplicationModuleListener
    void on(FirstResponseMissed e) {
        log.append(e.at(), "routing", "FIRST_RESPONSE_MISSED", "conversation", e.conversationId().toString(),
                e.priority() + " priority, due " + e.dueAt() + ", team " + teamOf(e.teamId()), null);
    }

    /** The agent's own changes are theirs to make; the ones routing decides for them are recorded. */
    @ApplicationModuleListener
    void on(PresenceChanged e) {
        if (e.changedBy() == AgentPresence.ChangedBy.TIMEOUT) {
            log.append(e.at(), "routing", "PRESENCE_TIMED_OUT", "user",
                    directory.user(e.userId()).map(UserSummary::username).orElse(e.userId().toString()),
                    e.previous() + " → " + e.status() + ": not seen since " + e.lastSeenAt(), null);
        }
    }

    @ApplicationModuleListener
    void on(WidgetSettingsChanged e) {
        log.append(e.at(), e.by(), "WIDGET_SETTINGS_CHANGED", "widget-inbox", e.key(), null, null);
    }

    @ApplicationModuleListener
    void on(InputFlagged e) {
        log.append(e.at(), "guardrails", "INPUT_FLAGGED", "conversation", e.conversationId().toString(), e.detail(), null);
    }

    /** What the assistant did in a company's systems, with its (masked) inputs and result. */
    @ApplicationModuleListener
    void on(ProcedureActionTaken e) {
        log.append(e.at(), "AI assistant", "PROCEDURE_ACTION", "conversation", e.conversationId().toString(),
                PersonalData.masked(e.procedure() + " · " + e.action() + " " + e.inputs() + " → " + e.result()), null);
    }

    /** An erasure is kept without what was erased: customer ids (meaningless once erased) and counts. */
    @ApplicationModuleListener
    void on(CustomerDataErased e) {
        int rows = e.rows().values().stream().mapToInt(Integer::intValue).sum();
        log.append(e.at(), e.actor(), "CUSTOMER_DATA_ERASED", "customer", target(e.customerIds()),
                e.customerIds().size() + " customer record(s), " + e.conversations() + " conversation(s), " + rows
                        + " rows: " + e.rows(), null);
    }

    @ApplicationModuleListener
    void on(CustomerDataExported e) {
        log.append(e.at(), e.actor(), "CUSTOMER_DATA_EXPORTED", "customer", target(e.customerIds()),
                e.customerIds().size() + " customer record(s), " + e.conversations() + " conversation(s)", null);
    }

    @ApplicationModuleListener
    void on(ConversationsRetired e) {
        log.append(e.at(), "retention policy", "RETENTION_APPLIED", "conversation", null,
                e.action() + " " + e.conversations() + " conversation(s) and " + e.customers()
                        + " customer record(s) with no activity since " + e.before(), null);
    }

    private static String target(java.util.List<UUID> ids) {
        String all = ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(","));
        return all.length() <= 100 ? all : ids.get(0) + ",…";
    }

    @ApplicationModuleListener
    void on(OutputChecked e) {
        log.append(e.at(), "AI assistant", "OUTPUT_RULE_" + e.action().name(), "conversation", e.conversationId().toString(),
                "rule " + e.ruleId() + " of constitution version " + e.constitutionVersion()
                        + (e.streamed() ? " (a streamed sentence; the stream was stopped)" : ""), null);
    }

    @ApplicationModuleListener
    void on(ResolutionDefinitionSaved e) {
        log.append(e.at(), e.by(), "RESOLUTION_DEFINITION_SAVED", "resolution-definition", String.valueOf(e.version()),
                "window " + e.window(), null);
    }

    @ApplicationModuleListener
    void on(ConstitutionSaved e) {
        log.append(e.at(), e.by(), "CONSTITUTION_SAVED", "constitution", String.valueOf(e.version()), e.rules() + " rules", null);
    }

    @ApplicationModuleListener
    void on(ReplyHeld e) {
        log.append(e.at(), "AI assistant", "REPLY_HELD_FOR_REVIEW", "conversation", e.conversationId().toString(),
                "review " + e.reviewId() + ": " + String.join("; ", e.reasons()), null);
    }

    @ApplicationModuleListener
    void on(ReplyReviewed e) {
        log.append(e.at(), e.by(), "REPLY_" + e.outcome().name(), "conversation", e.conversationId().toString(),
                "review " + e.reviewId() + (e.reason() == null ? "" : ": " + dev.tandem.guardrails.PersonalData.masked(e.reason())), null);
    }
}
