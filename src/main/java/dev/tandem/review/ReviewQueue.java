package dev.tandem.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.conversation.Citation;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessageKind;
import dev.tandem.conversation.PostAiMessage;
import dev.tandem.conversation.RequestHandoff;
import dev.tandem.conversation.TellCustomer;

/**
 * The review queue. Holding a reply stores the draft and tells the customer that a person is checking it; a
 * decision is made once, by a version-checked update in the same transaction as the posting of the approved
 * text, so two reviewers (or one who clicks twice) can never send a reply twice; a rejection hands the
 * conversation to a person.
 */
@Service
public class ReviewQueue {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_TEXT = 16000;

    /** A reply to hold. */
    public record Hold(UUID conversationId, UUID questionMessageId, String language, String draft, List<Citation> citations,
            MessageKind kind, List<String> reasons) {

        public Hold {
            citations = citations == null ? List.of() : List.copyOf(citations);
            reasons = List.copyOf(reasons);
            kind = kind == null ? MessageKind.PLAIN : kind;
        }
    }

    /** Why a decision was refused. */
    public static final class DecisionRefused extends RuntimeException {

        /** 404, 409 or 400. */
        private final int status;

        DecisionRefused(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final JdbcClient jdbc;
    private final ReviewProperties properties;
    private final ConversationQueries conversations;
    private final TellCustomer tell;
    private final PostAiMessage post;
    private final RequestHandoff handoff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewQueue(JdbcClient jdbc, ReviewProperties properties, ConversationQueries conversations, TellCustomer tell,
            PostAiMessage post, RequestHandoff handoff, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.conversations = conversations;
        this.tell = tell;
        this.post = post;
        this.handoff = handoff;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Holds a reply and tells the customer that a person is checking it.
     *
     * @return the notice the customer reads, empty when the conversation is closed
     */
    @Transactional
    public Optional<Message> hold(Hold hold) {
        var conversation = conversations.summary(hold.conversationId()).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = IDS.generate();
        jdbc.sql("""
                insert into review_item (id, conversation_id, team_id, question_message_id, language, draft, citations,
                    message_kind, reasons, status, requested_at, due_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 0)""")
            .params(id, hold.conversationId(), conversation.teamId(), hold.questionMessageId(), hold.language(),
                    cut(hold.draft(), MAX_TEXT), json(hold.citations()), hold.kind().name(),
                    cut(String.join("; ", hold.reasons()), 1000), Timestamp.from(now),
                    Timestamp.from(now.plus(properties.sla())))
            .update();
        events.publishEvent(new ReplyHeld(now, id, hold.conversationId(), conversation.teamId(), hold.reasons()));
        return tell.tell(hold.conversationId(), notice(hold.language()), MessageKind.PLAIN, hold.language());
    }

    /**
     * Approves a held reply, as written or with {@code editedText}, and posts it: exactly once.
     *
     * @param expectedVersion the version the reviewer saw, or null to take it as it is now
     */
    @Transactional
    public HeldReply approve(UUID id, String editedText, String reason, Long expectedVersion, Reviewer reviewer) {
        HeldReply item = pendingFor(id, expectedVersion, reviewer);
        String text = editedText == null || editedText.isBlank() ? item.draft() : editedText.strip();
        if (text.length() > MAX_TEXT) {
            throw new DecisionRefused("The reply is longer than " + MAX_TEXT + " characters.", 400);
        }
        boolean edited = !text.equals(item.draft());
        Message posted = post.post(item.conversationId(), text, edited ? List.of() : item.citations(),
                MessageKind.valueOf(item.messageKind()))
            .orElseThrow(() -> new DecisionRefused(
                    "The conversation is no longer the assistant's (a person has it or it is closed): reject the reply instead.",
                    409));
        ReviewStatus outcome = edited ? ReviewStatus.EDITED : ReviewStatus.APPROVED;
        decided(item, outcome, reviewer, text, reason, posted.id());
        return find(id).orElseThrow();
    }

    /** Rejects a held reply: it is never sent, and the conversation goes to a person. */
    @Transactional
    public HeldReply reject(UUID id, String reason, Long expectedVersion, Reviewer reviewer) {
        if (reason == null || reason.isBlank()) {
            throw new DecisionRefused("Say why the reply is rejected: the reason is kept as feedback.", 400);
        }
        HeldReply item = pendingFor(id, expectedVersion, reviewer);
        decided(item, ReviewStatus.REJECTED, reviewer, null, reason, null);
        handoff.request(item.conversationId(), "A reviewer rejected the AI's reply: " + cut(reason.strip(), 500));
        return find(id).orElseThrow();
    }

    /** Who decides, and what they may see. */
    public record Reviewer(String username, boolean seesAllTeams, java.util.Set<UUID> teamIds, boolean agent) {

        boolean mayReview(HeldReply item) {
            return seesAllTeams || agent && item.teamId() != null && teamIds.contains(item.teamId());
        }
    }

    private HeldReply pendingFor(UUID id, Long expectedVersion, Reviewer reviewer) {
        HeldReply item = find(id).filter(reviewer::mayReview)
            .orElseThrow(() -> new DecisionRefused("No held reply " + id + ".", 404));
        if (item.status() != ReviewStatus.PENDING) {
            throw new DecisionRefused("This reply was already " + item.status().name().toLowerCase(Locale.ROOT) + " by "
                    + item.decidedBy() + ".", 409);
        }
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw new DecisionRefused("The reply changed since you opened it; reload it.", 409);
        }
        return item;
    }

    private void decided(HeldReply item, ReviewStatus outcome, Reviewer reviewer, String text, String reason, UUID postedId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String cleanReason = reason == null || reason.isBlank() ? null : cut(reason.strip(), 1000);
        int updated = jdbc.sql("""
                update review_item set status = ?, decided_at = ?, decided_by = ?, final_text = ?, reason = ?,
                    posted_message_id = ?, version = version + 1
                where id = ? and version = ? and status = 'PENDING'""")
            .params(outcome.name(), Timestamp.from(now), reviewer.username(), text, cleanReason, postedId, item.id(),
                    item.version())
            .update();
        if (updated != 1) {
            // the transaction rolls back: the reply posted above is not posted
            throw new DecisionRefused("Someone else decided this reply a moment ago.", 409);
        }
        events.publishEvent(new ReplyReviewed(now, item.id(), item.conversationId(), outcome, reviewer.username(), cleanReason));
    }

    public Optional<HeldReply> find(UUID id) {
        return jdbc.sql("select * from review_item where id = ?").param(id).query(ReviewQueue::item).optional();
    }

    /** Waiting replies the reviewer may decide, oldest first (the customer has waited longest). */
    public List<HeldReply> pending(Reviewer reviewer) {
        return jdbc.sql("select * from review_item where status = 'PENDING' order by requested_at, id limit 500")
            .query(ReviewQueue::item).list().stream().filter(reviewer::mayReview).toList();
    }

    /** The latest decisions the reviewer may see, newest first. */
    public List<HeldReply> decided(Reviewer reviewer, int limit) {
        return jdbc.sql("select * from review_item where status <> 'PENDING' order by decided_at desc, id desc limit ?")
            .param(limit).query(ReviewQueue::item).list().stream().filter(reviewer::mayReview).toList();
    }

    /** Every decision, oldest first, for the feedback export. */
    public void eachDecision(java.util.function.Consumer<HeldReply> consumer) {
        jdbc.sql("select * from review_item where status <> 'PENDING' order by decided_at, id")
            .query(ReviewQueue::item).list().forEach(consumer);
    }

    public java.time.Duration sla() {
        return properties.sla();
    }

    /** The notice the customer reads while a person checks the reply, in their language (review/messages*.properties). */
    static String notice(String language) {
        Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
        return ResourceBundle.getBundle("review.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
            .getString("held-notice");
    }

    private static String json(List<Citation> citations) {
        try {
            return JSON.writeValueAsString(citations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Citation> citations(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Citation>>() {
            });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static HeldReply item(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        String reasons = rs.getString("reasons");
        return new HeldReply(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("team_id", UUID.class), rs.getObject("question_message_id", UUID.class),
                rs.getString("language"), rs.getString("draft"), citations(rs.getString("citations")),
                rs.getString("message_kind"), reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("; ")),
                ReviewStatus.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decided_by"), rs.getString("final_text"), rs.getString("reason"),
                rs.getObject("posted_message_id", UUID.class), rs.getLong("version"));
    }
}
