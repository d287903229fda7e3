package dev.tandem.escalation;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.conversation.AgentRedaction;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;

@RestController
@RequestMapping("/api")
@Tag(name = "Conversations", description = "The agent side: queues, replies, assignment")
class HandoffApi {

    private final ConversationQueries conversations;
    private final HandoffPackets packets;
    private final org.springframework.beans.factory.ObjectProvider<AgentRedaction> redaction;

    HandoffApi(ConversationQueries conversations, HandoffPackets packets,
            org.springframework.beans.factory.ObjectProvider<AgentRedaction> redaction) {
        this.conversations = conversations;
        this.packets = packets;
        this.redaction = redaction;
    }

    @GetMapping("/conversations/{id}/handoff")
    @Operation(summary = "The handoff packet: why the AI escalated, the customer's goal, key facts, what the AI "
            + "already answered, sentiment, language, intent, priority, and the structured summary (`summary`, null "
            + "until one is made)")
    HandoffPacket handoff(CurrentUser user, @PathVariable UUID id) {
        var packet = packets.of(conversations.details(user, id));
        AgentRedaction policy = redaction.getIfAvailable();
        return policy == null ? packet : packet.masked(policy.forViewer(user));
    }
}
