package dev.tandem.procedures;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.approvals.ApprovalDecided;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.HandoffRequested;

/**
 * What happens to runs outside the customer's turns: an approval decided (delivered after the decision
 * committed, and again if the first delivery failed: a run no longer waiting ignores it, and the action's
 * idempotency key covers a delivery that failed after the call), a handoff by another way, the resolution
 * of a conversation in which a person ran a procedure, and runs the customer left.
 */
@Component
class ProcedureListeners {

    private final RunProcedures procedures;
    private final ProcedureRuns runs;
    private final ProceduresProperties properties;
    private final Clock clock;

    ProcedureListeners(RunProcedures procedures, ProcedureRuns runs, ProceduresProperties properties, Clock clock) {
        this.procedures = procedures;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ApprovalDecided decision) {
        if (!ProcedureEngine.APPROVAL_KIND.equals(decision.kind())) {
            return;
        }
        UUID runId = UUID.fromString(decision.reference().substring(0, decision.reference().indexOf(':')));
        procedures.decided(runId, decision.approved(), decision.decidedBy());
    }

    @ApplicationModuleListener
    void on(HandoffRequested handoff) {
        procedures.handedOff(handoff.conversationId());
    }

    /**
     * In the resolving transaction, not as a stored publication: one indexed query per resolution, and the run
     * ends exactly when the conversation does.
     */
    @EventListener
    void on(ConversationResolved resolved) {
        procedures.resolved(resolved.conversationId());
    }

    /** Every minute: an idle run ends within a minute of its timeout even if its customer never writes again. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void expireIdleRuns() {
        runs.idleSince(clock.instant().minus(properties.idleTimeout())).forEach(procedures::expire);
    }
}
