package dev.tandem.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.Message;

/**
 * A conversation as the judges read it: the customer-visible lines of the customer, the AI and the agents, in
 * order (internal notes and system lines are not part of what the customer experienced).
 *
 * @param customerName the customer's name when known (null otherwise): using it is personalisation
 */
record Transcript(List<Line> lines, String customerName) {

    enum Author {
        CUSTOMER, AI, AGENT
    }

    /** One message; {@code id} is the message's id (or its position in an evaluation file). */
    record Line(String id, Author author, String text) {
    }

    Transcript {
        lines = List.copyOf(lines);
    }

    static Transcript of(ConversationDetails details) {
        List<Line> lines = new ArrayList<>();
        for (Message message : details.messages()) {
            if (message.internal() || message.author() == AuthorType.SYSTEM || message.text() == null) {
                continue;
            }
            Author author = switch (message.author()) {
                case CUSTOMER -> Author.CUSTOMER;
                case AI -> Author.AI;
                default -> Author.AGENT;
            };
            lines.add(new Line(message.id().toString(), author, message.text()));
        }
        var customer = details.conversation().customer();
        return new Transcript(lines, customer == null ? null : customer.name());
    }

    List<Line> by(Author author) {
        return lines.stream().filter(l -> l.author() == author).toList();
    }

    /** The agents' lines, which the agent items judge (the AI's turns before the handoff are not). */
    List<Line> agentLines() {
        return by(Author.AGENT);
    }

    boolean hasAgent() {
        return lines.stream().anyMatch(l -> l.author() == Author.AGENT);
    }

    Optional<Line> last() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }

    Optional<Line> line(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
