package dev.tandem.insight;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.mail.Outbox;

/**
 * The CSAT follow-up by email: when a conversation is resolved and an address is known (the one left for a
 * follow-up, else the customer's), a short email with a signed link to the rating page; once per resolution, never
 * when the conversation is rated already. The email names no detail of the conversation.
 */
@Component
class RatingEmails {

    static final String SENDER = "insight";
    static final String SUBJECT = "How did we do?";

    private final ConversationQueries conversations;
    private final CsatRatings ratings;
    private final OutcomeEvidence evidence;
    private final RatingLinks links;
    private final Outbox outbox;
    private final InsightProperties.Csat settings;

    RatingEmails(ConversationQueries conversations, CsatRatings ratings, OutcomeEvidence evidence, RatingLinks links,
            Outbox outbox, InsightProperties properties) {
        this.conversations = conversations;
        this.ratings = ratings;
        this.evidence = evidence;
        this.links = links;
        this.outbox = outbox;
        this.settings = properties.csat();
    }

    void ask(UUID conversationId, Instant resolvedAt) {
        if (!settings.email() || ratings.of(conversationId).isPresent()) {
            return;
        }
        ConversationSummary conversation = conversations.summary(conversationId).orElse(null);
        if (conversation == null) {
            return;
        }
        String address = conversation.followUpEmail() != null ? conversation.followUpEmail()
                : conversation.customer().email();
        if (address == null || address.isBlank()
                || !evidence.record(conversationId, Evidence.Kind.RATING_ASKED, resolvedAt, null)) {
            return;
        }
        String name = conversation.customer().name();
        outbox.send(SENDER, address, SUBJECT, (name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",")
                + "\n\nyour conversation with our support team was resolved. How did we do? Rate it from 1 to 5, "
                + "with a comment if you like (one click, no sign-in):\n\n" + links.url(conversationId)
                + "\n\nThe link works for " + settings.linkValidity().toDays() + " days. Thank you!\n");
    }
}
