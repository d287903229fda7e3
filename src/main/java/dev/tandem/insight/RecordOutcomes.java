package dev.tandem.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.answering.AnswerFeedback;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.Message;
import dev.tandem.understanding.Entity;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.MessageUnderstanding;
import dev.tandem.understanding.MessageUnderstandings;

/**
 * Judges a conversation's outcome from what is stored (its messages, the answers' feedback, the understanding of its
 * messages, its evidence, its rating) and writes its outcome row. Called at conversation-level events and by the
 * sweep, never per message; each call reads the conversation once, so it costs the same however often it runs.
 */
@Service
class RecordOutcomes {

    /** How far back a new conversation looks for the customer's earlier ones it repeats (7 days and a window). */
    static final Duration LOOK_BACK = Duration.ofDays(14);
    private static final int MAX_EARLIER = 20;

    private final ConversationQueries conversations;
    private final AnswerFeedback feedback;
    private final MessageUnderstandings understandings;
    private final EntityExtraction entities;
    private final OutcomeEvidence evidence;
    private final CsatRatings ratings;
    private final ConversationOutcomes outcomes;
    private final ResolutionDefinitions definitions;
    private final InsightProperties.Outcomes settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordOutcomes(ConversationQueries conversations, AnswerFeedback feedback, MessageUnderstandings understandings,
            EntityExtraction entities, OutcomeEvidence evidence, CsatRatings ratings, ConversationOutcomes outcomes,
            ResolutionDefinitions definitions, InsightProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.feedback = feedback;
        this.understandings = understandings;
        this.entities = entities;
        this.evidence = evidence;
        this.ratings = ratings;
        this.outcomes = outcomes;
        this.definitions = definitions;
        this.settings = properties.outcomes();
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Records evidence and judges the conversation again. */
    void record(UUID conversationId, Evidence.Kind kind, Instant at, String ref) {
        evidence.record(conversationId, kind, at, ref);
        record(conversationId);
    }

    /** Judges the conversation as it stands now, links it to the customer's earlier ones it repeats, stores it. */
    Optional<OutcomeRules.Judged> record(UUID conversationId) {
        return record(conversationId, true, clock.instant());
    }

    /** Judges the conversation as of {@code now} (the sweep's moment): whether it went quiet depends on it. */
    Optional<OutcomeRules.Judged> recordAsOf(UUID conversationId, Instant now) {
        return record(conversationId, true, now);
    }

    private Optional<OutcomeRules.Judged> record(UUID conversationId, boolean linkEarlier, Instant now) {
        Optional<OutcomeFacts> gathered = facts(conversationId);
        if (gathered.isEmpty()) {
            return Optional.empty();
        }
        OutcomeFacts facts = gathered.get();
        if (linkEarlier) {
            linkRepeats(facts);
        }
        var judged = OutcomeRules.judge(facts, definitions.active(), settings.quietAfter(), now);
        transactions.executeWithoutResult(tx -> {
            Outcome previous = outcomes.outcomeOf(conversationId).orElse(null);
            outcomes.save(facts, judged, now);
            // every write, not only a change of outcome: the dashboards also count ratings, timings and the team
            events.publishEvent(new ConversationOutcomeRecorded(conversationId, facts.teamId(), previous,
                    judged.outcome(), now));
        });
        return Optional.of(judged);
    }

    /** The facts of one conversation, read now; empty when it is unknown (erased). */
    Optional<OutcomeFacts> facts(UUID conversationId) {
        Optional<ConversationDetails> whole = conversations.whole(conversationId);
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        ConversationSummary conversation = whole.get().conversation();
        List<Message> messages = whole.get().messages();
        Map<UUID, Instant> sentAt = new HashMap<>();
        Instant firstCustomer = null;
        Instant firstResponse = null;
        boolean agentSpoke = false;
        AuthorType lastVisible = null;
        for (Message message : messages) {
            sentAt.put(message.id(), message.createdAt());
            if (message.internal() || message.author() == AuthorType.SYSTEM) {
                continue;
            }
            lastVisible = message.author();
            if (message.author() == AuthorType.CUSTOMER) {
                firstCustomer = firstCustomer == null ? message.createdAt() : firstCustomer;
            } else if (firstCustomer != null && firstResponse == null) {
                firstResponse = message.createdAt();
            }
            agentSpoke |= message.author() == AuthorType.AGENT;
        }
        List<Evidence> log = evidence.of(conversationId);
        Instant handoff = conversation.handoffRequestedAt();
        for (Evidence e : log) {
            if (e.kind() == Evidence.Kind.HANDOFF && (handoff == null || e.at().isBefore(handoff))) {
                handoff = e.at();
            }
        }
        List<OutcomeFacts.Confirmation> confirmations = new ArrayList<>();
        Instant lastYes = null;
        Instant lastNo = null;
        for (var given : feedback.of(conversationId).entrySet()) {
            Instant answeredAt = sentAt.get(given.getKey());
            if (answeredAt == null) {
                continue;
            }
            if (given.getValue()) {
                confirmations.add(new OutcomeFacts.Confirmation(ResolutionDefinition.ANSWER_CONFIRMED, answeredAt,
                        given.getKey().toString()));
                lastYes = lastYes == null || answeredAt.isAfter(lastYes) ? answeredAt : lastYes;
            } else {
                lastNo = lastNo == null || answeredAt.isAfter(lastNo) ? answeredAt : lastNo;
            }
        }
        log.stream().filter(e -> e.kind() == Evidence.Kind.PROCEDURE_COMPLETED)
            .forEach(e -> confirmations.add(new OutcomeFacts.Confirmation(ResolutionDefinition.PROCEDURE_COMPLETED,
                    e.at(), e.ref())));
        String language = null;
        String intent = null;
        for (MessageUnderstanding understood : understandings.of(conversationId)) {
            language = language == null ? understood.language() : language;
            if (intent == null && understood.intent() != null && !understood.intent().outOfScope()) {
                intent = understood.intent().label();
            }
        }
        boolean saidNoAfterYes = lastYes != null && lastNo != null && lastNo.isAfter(lastYes);
        return Optional.of(new OutcomeFacts(conversationId, conversation.customer().id(), conversation.teamId(),
                conversation.assigneeId(), conversation.channel(), conversation.status(), conversation.createdAt(),
                firstCustomer, firstResponse, handoff, agentSpoke,
                conversation.status() == dev.tandem.conversation.ConversationStatus.RESOLVED ? conversation.resolvedAt()
                        : null,
                conversation.lastMessageAt(), lastVisible, language, intent, confirmations, saidNoAfterYes,
                repeatedAfterHandoff(messages, handoff), log, ratings.of(conversationId).map(CsatRatings.Rating::rating)
                    .orElse(null)));
    }

    /**
     * Handoff seamlessness: the facts (order numbers, e-mail addresses, phone numbers, amounts) the customer gave
     * before the handoff, and so the handoff packet held, that they wrote again after it.
     */
    int repeatedAfterHandoff(List<Message> messages, Instant handoff) {
        if (handoff == null) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Message message : messages) {
            if (message.author() != AuthorType.CUSTOMER) {
                continue;
            }
            boolean after = message.createdAt().isAfter(handoff);
            for (Entity entity : entities.extract(message.text())) {
                String key = entity.type() + ":" + entity.value().toLowerCase(Locale.ROOT);
                if (!after) {
                    known.add(key);
                } else if (known.contains(key)) {
                    repeated.add(key);
                }
            }
        }
        return repeated.size();
    }

    /**
     * This conversation is a new contact for the customer's conversations started before it (within
     * {@link #LOOK_BACK}): evidence on each of them, of the same topic when both intents are known and equal, of
     * unknown topic when either is unknown; none for a different topic. They are judged again.
     */
    void linkRepeats(OutcomeFacts facts) {
        if (facts.customerId() == null || facts.firstCustomerAt() == null) {
            return;
        }
        Instant since = facts.startedAt().minus(LOOK_BACK);
        List<ConversationSummary> earlier = conversations.ofCustomer(facts.customerId()).stream()
            .filter(c -> !c.id().equals(facts.conversationId()) && c.createdAt().isBefore(facts.startedAt())
                    && c.createdAt().isAfter(since))
            .limit(MAX_EARLIER).toList();
        for (ConversationSummary before : earlier) {
            String theirIntent = firstIntent(before.id());
            Evidence.Kind kind;
            if (facts.intent() == null || theirIntent == null) {
                kind = Evidence.Kind.REPEAT_UNKNOWN_TOPIC;
            } else if (facts.intent().equals(theirIntent)) {
                kind = Evidence.Kind.REPEAT_SAME_TOPIC;
            } else {
                continue;
            }
            if (evidence.record(before.id(), kind, facts.startedAt(), facts.conversationId().toString())) {
                record(before.id(), false, clock.instant());
            }
        }
    }

    private String firstIntent(UUID conversationId) {
        return understandings.of(conversationId).stream()
            .filter(u -> u.intent() != null && !u.intent().outOfScope())
            .map(u -> u.intent().label()).findFirst().orElse(null);
    }
}
