package dev.tandem.answering;

import java.util.UUID;

/**
 * The assistant's reply as far as it is written and checked (LLM mode): the text the customer would read
 * now, growing by whole sentences. Ephemeral: neither stored nor kept in the event publication registry,
 * and a view that misses one loses nothing, since each carries the whole text so far and the reply itself
 * follows as a stored message, the only record of what the assistant said. The reply may yet differ from
 * it (a later sentence failed the grounding check and the answer quoted from the knowledge base went out
 * instead).
 *
 * @param conversationId the conversation
 * @param teamId the conversation's team
 * @param inReplyTo the customer message being answered
 * @param text the reply so far, framed as the reply will be (the assistant's introduction first)
 */
public record ReplyInProgress(UUID conversationId, UUID teamId, UUID inReplyTo, String text) {
}
