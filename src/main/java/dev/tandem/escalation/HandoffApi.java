package dev.tandem.escalation;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;

@RestController
@RequestMapping("/api")
@Tag(name = "Conversations", description = "The agent side: queues, replies, assignment")
class HandoffApi {

    private final ConversationQueries conversations;
    private final HandoffPackets packets;
    private final AgentView agentView;

    HandoffApi(ConversationQueries conversations, HandoffPackets packets, AgentView agentView) {
        this.conversations = conversations;
        this.packets = packets;
        this.agentView = agentView;
    }

    @GetMapping("/conversations/{id}/handoff")
    @Operation(summary = "The handoff packet: why the AI escalated, the customer's goal, key facts, what the AI "
            + "already answered, sentiment, language, intent, priority, and the structured summary (`summary`, null "
            + "until one is made)")
    HandoffPacket handoff(CurrentUser user, @PathVariable UUID id) {
        return packets.of(conversations.details(user, id)).withSummaryMasked(agentView.maskFor(user));
    }
}
