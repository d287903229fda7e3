package dev.tandem.escalation;

import java.util.Optional;
import java.util.UUID;

/**
 * A conversation's structured summary, for its handoff packet. Implemented by the module that writes
 * summaries (insight), so the packet shows it without escalation depending on that module.
 */
public interface HandoffSummaries {

    /** The conversation's current summary, empty while none has been made. */
    Optional<HandoffPacket.Summary> of(UUID conversationId);
}
