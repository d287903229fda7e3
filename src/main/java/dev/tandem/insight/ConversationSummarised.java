package dev.tandem.insight;

import java.util.UUID;

/** A new version of a conversation's summary was stored (made automatically or edited by an agent). */
public record ConversationSummarised(UUID conversationId, UUID teamId, int version, Summary.Trigger trigger) {
}
