package dev.tandem.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationSummary;

/**
 * CSAT: the customer rates a resolved conversation 1 to 5, with an optional comment, once, in the widget (the
 * channel checks the conversation's token) or through the link of the follow-up email (checked by
 * {@link RatingLinks}). A low rating is evidence against a verified AI resolution.
 */
@Service
public class RateConversation {

    /** Where the rating came from. */
    public enum Via {
        WIDGET, EMAIL
    }

    /** The rating as stored. */
    public record Rated(int rating, String comment, Instant ratedAt) {
    }

    private final ConversationQueries conversations;
    private final CsatRatings ratings;
    private final RecordOutcomes outcomes;
    private final InsightProperties.Csat settings;
    private final Clock clock;

    RateConversation(ConversationQueries conversations, CsatRatings ratings, RecordOutcomes outcomes,
            InsightProperties properties, Clock clock) {
        this.conversations = conversations;
        this.ratings = ratings;
        this.outcomes = outcomes;
        this.settings = properties.csat();
        this.clock = clock;
    }

    /**
     * Stores the customer's rating; the caller has checked that they are the conversation's customer.
     *
     * @throws ErrorResponseException 400 for a rating outside 1-5 or a comment too long, 404 for an unknown
     *     conversation, 409 when it was never resolved or is rated already
     */
    public Rated rate(UUID conversationId, Integer rating, String comment, Via via) {
        if (rating == null || rating < 1 || rating > 5) {
            throw problem(HttpStatus.BAD_REQUEST, "Send a rating from 1 (very poor) to 5 (very good) as {\"rating\": 4, "
                    + "\"comment\": \"optional\"}.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > settings.maxComment()) {
            throw problem(HttpStatus.BAD_REQUEST, "The comment is " + text.length() + " characters long; at most "
                    + settings.maxComment() + " are kept. Shorten it and send it again.");
        }
        ConversationSummary conversation = conversations.summary(conversationId)
            .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No conversation " + conversationId + "."));
        if (conversation.resolvedAt() == null) {
            throw problem(HttpStatus.CONFLICT, "The conversation is not resolved yet: it can be rated once it is.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!ratings.insert(new CsatRatings.Rating(conversationId, rating, text, via, now))) {
            throw problem(HttpStatus.CONFLICT, "This conversation has been rated already; a rating is given once.");
        }
        outcomes.record(conversationId, Evidence.Kind.RATED, now, String.valueOf(rating));
        return new Rated(rating, text, now);
    }

    /** Whether the conversation has a rating. */
    public boolean rated(UUID conversationId) {
        return ratings.of(conversationId).isPresent();
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
