package dev.tandem.guardrails;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.ai.LowPriority;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;

/**
 * Screens every customer message once it is stored, off the customer's request: stores what the guards found
 * (which checks and rules, never the text) and publishes {@link InputFlagged}, which the audit log records; the
 * workspace shows the conversation's flag and hides an abusive message from agents. The assistant's turn screens the same message for itself
 * (the embedding is shared), because it must not wait for this.
 */
@Service
class ScreenCustomerMessages {

    private static final Logger log = LoggerFactory.getLogger(ScreenCustomerMessages.class);

    private final InputGuardrails guardrails;
    private final GuardrailFindings findings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScreenCustomerMessages(InputGuardrails guardrails, GuardrailFindings findings,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.guardrails = guardrails;
        this.findings = findings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    // Model work (an embedding per message) at low priority, behind the requests that store messages: under
    // overload a flag comes late, and the publication, stored only for customer messages, is retried.
    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener(condition = "#posted.message().author() == T(dev.tandem.conversation.AuthorType).CUSTOMER")
    void on(MessagePosted posted) {
        screen(posted.message());
    }

    void screen(Message message) {
        // the models first, outside the transaction: at low priority they may wait long for a core, and
        // must not hold a database connection meanwhile
        Screening screening = guardrails.screen(message.text());
        transactions.executeWithoutResult(tx -> record(message, screening));
    }

    private void record(Message message, Screening screening) {
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Finding> stored = new ArrayList<>();
        for (Finding finding : screening.findings()) {
            // personal data is masked where it is shown; it is not a finding anyone must act on
            if (finding.check() != Check.PERSONAL_DATA && findings.insert(message.conversationId(), message.id(), finding, at)) {
                stored.add(finding);
                log.info("Guardrails: {} in conversation {} (message {})", finding.describe(), message.conversationId(),
                        message.id());
            }
        }
        if (!stored.isEmpty()) {
            events.publishEvent(new InputFlagged(at, message.conversationId(), message.id(),
                    stored.stream().map(Finding::check).toList(),
                    "message " + message.id() + ": " + String.join("; ", stored.stream().map(Finding::describe).toList())));
        }
    }
}
