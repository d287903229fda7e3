package dev.tandem.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The assistant handed a conversation to a person, for these reasons and with this priority. */
public record ConversationEscalated(UUID conversationId, Priority priority, List<EscalationReason> reasons,
        String summary, Instant at) {

    public ConversationEscalated {
        reasons = List.copyOf(reasons);
    }
}
