package dev.tandem.escalation;

import java.util.List;
import java.util.UUID;

/**
 * The routine tasks a module ran in a conversation, for its handoff packet. Implemented by the modules that
 * run them (procedures), so the packet shows their work without escalation depending on them.
 */
public interface HandoffTasks {

    List<HandoffPacket.Task> of(UUID conversationId);
}
