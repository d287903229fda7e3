package dev.tandem.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.Citation;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.Message;
import dev.tandem.escalation.HandoffPacket;

/**
 * What a summary is made from: the whole conversation (internal notes too), its handoff packet (goal, why it
 * was handed over, the procedures run), the customer's feedback on the answers, and what made the summary.
 *
 * @param feedback reply message id → whether the customer said it helped
 * @param resolvedById who resolved it, for a summary made on resolution; otherwise null
 */
record SummarySource(ConversationDetails details, HandoffPacket packet, Map<UUID, Boolean> feedback,
        Summary.Trigger trigger, UUID resolvedById) {

    SummarySource {
        feedback = Map.copyOf(feedback);
    }

    UUID conversationId() {
        return details.conversation().id();
    }

    /**
     * Every text of the conversation a summary may draw on: the messages, the articles they cite, the
     * customer's name and addresses, and the handoff packet's own reading of them.
     */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        var conversation = details.conversation();
        texts.add(conversation.customer().name());
        texts.add(conversation.customer().email());
        texts.add(conversation.followUpEmail());
        for (Message message : details.messages()) {
            texts.add(message.text());
            texts.add(message.authorName());
            for (Citation citation : message.citations()) {
                texts.add(citation.title());
            }
        }
        return texts.stream().filter(text -> text != null && !text.isEmpty()).toList();
    }

    boolean hasAgentMessages() {
        return details.messages().stream().anyMatch(message -> message.author() == AuthorType.AGENT);
    }

    /** The name of the person who resolved it, as the timeline shows them. */
    String resolverName() {
        return details.messages().stream()
            .filter(message -> resolvedById != null && resolvedById.equals(message.authorId()) && message.authorName() != null)
            .map(Message::authorName)
            .reduce((earlier, later) -> later)
            .orElse(null);
    }
}
