package dev.tandem.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationPriority;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationReopened;
import dev.tandem.conversation.ConversationStarted;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.ConversationTransferred;
import dev.tandem.conversation.HandoffRequested;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessageKind;
import dev.tandem.conversation.ResponseTargets;
import dev.tandem.conversation.RouteToTeam;
import dev.tandem.conversation.TellCustomer;
import dev.tandem.escalation.ConversationEscalated;
import dev.tandem.escalation.HandoffPacket;
import dev.tandem.escalation.HandoffPackets;
import dev.tandem.escalation.Priority;
import dev.tandem.identity.Team;
import dev.tandem.identity.UserDirectory;
import dev.tandem.routing.RoutingProperties.Rule;

/**
 * What happens when a conversation enters a human queue: its first-response target is set, an
 * escalated conversation is routed by the rules to the right team's queue (with the reason on
 * record), it is given to an agent when auto-assignment is on, and otherwise the customer is told
 * roughly when a person will reply (or, outside business hours, offered a follow-up by email).
 *
 * <p>After the change committed and off the customer's request: routing never slows down or fails a
 * customer's message, and an attempt that fails is retried from the event publication registry.
 */
@Component
class QueueRouting {

    private final RoutingProperties properties;
    private final RoutingRules rules;
    private final OpeningHours hours;
    private final ConversationQueries conversations;
    private final ResponseTargets targets;
    private final RouteToTeam routeToTeam;
    private final TellCustomer tell;
    private final HandoffPackets packets;
    private final LanguageDetection languages;
    private final UserDirectory directory;
    private final RoutingDecisions decisions;
    private final AutoAssignment autoAssignment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QueueRouting(RoutingProperties properties, RoutingRules rules, OpeningHours hours, ConversationQueries conversations,
            ResponseTargets targets, RouteToTeam routeToTeam, TellCustomer tell, HandoffPackets packets,
            LanguageDetection languages, UserDirectory directory, RoutingDecisions decisions,
            AutoAssignment autoAssignment, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.rules = rules;
        this.hours = hours;
        this.conversations = conversations;
        this.targets = targets;
        this.routeToTeam = routeToTeam;
        this.tell = tell;
        this.packets = packets;
        this.languages = languages;
        this.directory = directory;
        this.decisions = decisions;
        this.autoAssignment = autoAssignment;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ConversationEscalated escalated) {
        UUID id = escalated.conversationId();
        Optional<ConversationDetails> found = conversations.forCustomer(id);
        if (found.isEmpty()) {
            return;
        }
        // the wait began when the assistant handed over, not when this listener got round to it
        Priority priority = escalated.priority();
        targets.waiting(id, ConversationPriority.valueOf(priority.name()), escalated.at(),
                escalated.at().plus(properties.sla().target(priority)));
        ConversationSummary conversation = found.get().conversation();
        if (conversation.status() != ConversationStatus.QUEUED) {
            return; // someone took it already: nothing to route
        }
        HandoffPacket packet = packets.of(found.get());
        var facts = new RoutingRules.Case(escalated.reasons(), priority, packet.language(), packet.intent());
        Optional<Rule> rule = rules.decide(facts, name -> directory.teamByName(name).isPresent());
        UUID from = conversation.teamId();
        UUID to = from;
        String why = rule.map(r -> "Rule " + r.name() + " (" + matched(r, facts) + ").")
            .orElse("No routing rule matched; it stays in its team's queue.");
        if (rule.isPresent() && rule.get().team() != null) {
            Team team = directory.teamByName(rule.get().team()).orElseThrow();
            if (routeToTeam.route(id, team.id(), why)) {
                to = team.id();
            }
        }
        var decision = new RoutingDecisions.Decision(id, rule.map(Rule::name).orElse(null), from, to,
                packet.language(), packet.intent(), rule.map(Rule::agentLanguage).orElse(null),
                rule.map(Rule::agentSkill).orElse(null), why, clock.instant());
        decisions.insert(decision);
        events.publishEvent(new ConversationRouted(id, decision.rule(), from, to, why, decision.at()));
        if (autoAssignment.assign(id, decision.requirements(), escalated.reasons()).isEmpty()) {
            tellTheWait(id, priority, packet.language());
        }
    }

    /** Handed over without an escalation record (an assistant failure): a normal-priority wait. */
    @ApplicationModuleListener
    void on(HandoffRequested handoff) {
        targets.waiting(handoff.conversationId(), ConversationPriority.NORMAL, handoff.at(),
                handoff.at().plus(properties.sla().normal()));
    }

    /** Straight to the queue (the assistant is off or has nothing to answer from). */
    @ApplicationModuleListener
    void on(ConversationStarted started) {
        if (started.status() == ConversationStatus.QUEUED) {
            targets.waiting(started.conversationId(), ConversationPriority.NORMAL, started.at(),
                    started.at().plus(properties.sla().normal()));
            assignIfOn(started.conversationId(), started.teamId());
        }
    }

    /** The customer wrote again after resolution: a new wait. */
    @ApplicationModuleListener
    void on(ConversationReopened reopened) {
        if (reopened.status() == ConversationStatus.QUEUED) {
            targets.waitingAgain(reopened.conversationId(), ConversationPriority.NORMAL, reopened.at(),
                    reopened.at().plus(properties.sla().normal()));
            assignIfOn(reopened.conversationId(), reopened.teamId());
        }
    }

    /** An agent sent it back to a team's queue (routing's own moves are handled where they are made). */
    @ApplicationModuleListener
    void on(ConversationTransferred transferred) {
        if (transferred.toAssigneeId() == null && !RouteToTeam.ROUTING.equals(transferred.by())) {
            assignIfOn(transferred.conversationId(), transferred.toTeamId());
        }
    }

    private void assignIfOn(UUID conversationId, UUID teamId) {
        if (!autoAssignment.enabled()) {
            return;
        }
        String language = decisions.latest(conversationId).map(RoutingDecisions.Decision::language)
            .orElseGet(() -> customerLanguage(conversationId));
        String skill = decisions.latest(conversationId).map(RoutingDecisions.Decision::agentSkill).orElse(null);
        autoAssignment.assign(conversationId, new LeastLoaded.Requirements(teamId, language, skill));
    }

    private String customerLanguage(UUID conversationId) {
        List<String> texts = conversations.forCustomer(conversationId).stream()
            .flatMap(details -> details.messages().stream())
            .filter(message -> message.author() == AuthorType.CUSTOMER)
            .map(Message::text)
            .toList();
        return texts.isEmpty() ? null : languages.detect(String.join("\n", texts)).orElse(null);
    }

    /**
     * Outside business hours the notice is a {@link MessageKind#FOLLOW_UP_OFFER}: the widget shows an
     * email form under it, in the language of the notice.
     */
    private void tellTheWait(UUID conversationId, Priority priority, String language) {
        Instant now = clock.instant();
        String written = WaitNotices.languageFor(language);
        if (hours.openAt(now)) {
            long minutes = WaitEstimate.minutes(conversations.firstResponseTimes(WaitEstimate.since(now), 200),
                    priority, properties.sla().target(priority));
            tell.tell(conversationId, WaitNotices.usualWait(minutes, written), MessageKind.PLAIN, written);
        }
        else {
            tell.tell(conversationId, WaitNotices.closed(hours.describe(written), written), MessageKind.FOLLOW_UP_OFFER,
                    written);
        }
    }

    /** The rule's conditions that held, in words: "high stakes, intent payments". */
    private static String matched(Rule rule, RoutingRules.Case facts) {
        List<String> parts = new java.util.ArrayList<>();
        facts.reasons().stream().filter(rule.reasons()::contains).map(r -> r.words()).distinct().forEach(parts::add);
        if (rule.priority() != null) {
            parts.add("priority " + facts.priority().name().toLowerCase());
        }
        if (!rule.languages().isEmpty()) {
            parts.add("language " + facts.language());
        }
        if (!rule.intents().isEmpty()) {
            parts.add("intent " + facts.intent());
        }
        if (rule.team() != null) {
            parts.add("to " + rule.team());
        }
        if (rule.agentSkill() != null) {
            parts.add("needs skill " + rule.agentSkill());
        }
        if (rule.agentLanguage() != null) {
            parts.add("needs an agent who speaks " + rule.agentLanguage());
        }
        return parts.isEmpty() ? "matches every escalation" : String.join(", ", parts);
    }
}
