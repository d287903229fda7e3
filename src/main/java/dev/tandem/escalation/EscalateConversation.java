package dev.tandem.escalation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.RequestHandoff;

/**
 * Hands a conversation to a person for the reasons the policy found: records them (the handoff
 * packet's "why"), moves the conversation to the human queue and tells the customer, in their
 * language and with care when they are vulnerable, that a person is coming and will see everything.
 */
@Service
public class EscalateConversation {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final EscalationPolicy policy;
    private final EscalationRecords records;
    private final RequestHandoff handoff;
    private final ConversationQueries conversations;
    private final LanguageDetection languages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalateConversation(EscalationPolicy policy, EscalationRecords records, RequestHandoff handoff,
            ConversationQueries conversations, LanguageDetection languages, ApplicationEventPublisher events,
            Clock clock) {
        this.policy = policy;
        this.conversations = conversations;
        this.languages = languages;
        this.records = records;
        this.handoff = handoff;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param messageId the customer message after which the policy decided; null for the widget's
     *     "Talk to a person" button
     */
    @Transactional
    public RequestHandoff.Outcome escalate(UUID conversationId, UUID messageId, Assessment assessment, String language) {
        if (!assessment.escalate()) {
            throw new IllegalArgumentException("nothing to escalate for");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String summary = assessment.inWords();
        String notice = HoldingMessages.of(policy.holdingKind(assessment), language);
        RequestHandoff.Outcome outcome = handoff.request(conversationId, summary, notice);
        if (outcome.notice().isPresent()) {
            // asking again while already waiting changes nothing: the first reasons stand
            records.insert(new EscalationRecord(IDS.generate(), conversationId, messageId, assessment.priority(),
                    assessment.findings(), summary, language, now));
            events.publishEvent(new ConversationEscalated(conversationId, assessment.priority(),
                    assessment.findings().stream().map(Finding::reason).distinct().toList(), summary, now));
        }
        return outcome;
    }

    /** The customer pressed "Talk to a person"; they are answered in the language they wrote in. */
    @Transactional
    public RequestHandoff.Outcome customerAsked(UUID conversationId) {
        String language = conversations.forCustomer(conversationId).stream()
            .flatMap(details -> details.messages().stream())
            .filter(message -> message.author() == AuthorType.CUSTOMER)
            .map(Message::text)
            .reduce((earlier, later) -> later)
            .flatMap(languages::detect)
            .orElse("en");
        return escalate(conversationId, null, new Assessment(List.of(new Finding(EscalationReason.PERSON_REQUEST,
                "talk-to-a-person-button", "The customer asked to talk to a person.", Priority.NORMAL,
                "pressed \"Talk to a person\""))), language);
    }
}
