package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.Message;

/**
 * The assistant's turns wait in the memory of the node that took the message. When that node stops (a
 * deployment, a crash) its waiting turns are gone, but the messages are stored: one node of the cluster
 * looks for customers still waiting for the assistant well past the reply deadline, which no live node
 * would let happen, and tells them as a late turn would, with the offer of a person.
 */
@Component
class StrandedTurns {

    private static final Logger log = LoggerFactory.getLogger(StrandedTurns.class);
    /** Beyond the deadline, so that a live node's own deadline always comes first. */
    static final Duration GRACE = Duration.ofSeconds(15);
    /** Older waits are history, not customers at the screen. */
    private static final Duration LOOK_BACK = Duration.ofHours(24);
    private static final int BATCH = 200;

    private final ConversationQueries conversations;
    private final AssistantTurns turns;
    private final LateReplies late;
    private final Duration deadline;
    private final Clock clock;

    StrandedTurns(ConversationQueries conversations, AssistantTurns turns, LateReplies late,
            AnsweringProperties properties, Clock clock) {
        this.conversations = conversations;
        this.turns = turns;
        this.late = late;
        this.deadline = properties.replyDeadline();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.answering.stranded-check-every:PT10S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "stranded-assistant-turns", lockAtMostFor = "PT5M")
    void rescue() {
        rescue(clock.instant());
    }

    void rescue(Instant now) {
        for (Message waiting : conversations.awaitingAssistant(now.minus(LOOK_BACK), now.minus(deadline).minus(GRACE),
                BATCH)) {
            if (turns.isPending(waiting.conversationId())) {
                continue;
            }
            try {
                late.tell(waiting.conversationId(), waiting);
                log.info("Conversation {} waited for the assistant past the deadline with no turn under way; "
                        + "the customer was told and offered a person", waiting.conversationId());
            } catch (RuntimeException e) {
                log.warn("Could not tell the customer of stranded conversation {}", waiting.conversationId(), e);
            }
        }
    }
}
