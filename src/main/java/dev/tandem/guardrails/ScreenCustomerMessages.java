package dev.tandem.guardrails;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.audit.AuditLog;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;

/**
 * Screens every customer message once it is stored, off the customer's request: stores what the guards found
 * (which checks and rules, never the text), audits it and tells the workspace, so the conversation shows its
 * flag and an abusive message reaches agents hidden. The assistant's turn screens the same message for itself
 * (the embedding is shared), because it must not wait for this.
 */
@Service
class ScreenCustomerMessages {

    private static final Logger log = LoggerFactory.getLogger(ScreenCustomerMessages.class);

    private final InputGuardrails guardrails;
    private final GuardrailFindings findings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScreenCustomerMessages(InputGuardrails guardrails, GuardrailFindings findings, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.guardrails = guardrails;
        this.findings = findings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Async
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(MessagePosted posted) {
        if (posted.message().author() == AuthorType.CUSTOMER) {
            screen(posted.message());
        }
    }

    void screen(Message message) {
        Screening screening = guardrails.screen(message.text());
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean flagged = false;
        for (Finding finding : screening.findings()) {
            if (finding.check() == Check.PERSONAL_DATA) {
                continue; // masked where it is shown, not a finding anyone must act on
            }
            if (findings.insert(message.conversationId(), message.id(), finding, at)) {
                audit.append(at, "guardrails", "INPUT_" + finding.check().name(), "conversation",
                        message.conversationId().toString(), "message " + message.id() + ": " + finding.describe(), null);
                flagged = true;
                log.info("Guardrails: {} in conversation {} (message {})", finding.describe(), message.conversationId(),
                        message.id());
            }
        }
        if (flagged) {
            events.publishEvent(new InputFlagged(message.conversationId(), message.id(), screening.findings().stream()
                .map(Finding::check).filter(c -> c != Check.PERSONAL_DATA).distinct().toList()));
        }
    }
}
