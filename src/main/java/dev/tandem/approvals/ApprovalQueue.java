package dev.tandem.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The approval queue. Asking twice for the same kind and reference gives the one approval (a retried
 * step never queues a second); a decision is made once, by a version-checked update, so two supervisors
 * clicking at the same moment cannot approve one refund twice.
 */
@Service
public class ApprovalQueue {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /** What to approve, as the asker describes it. */
    public record Request(String kind, String reference, UUID conversationId, String title, String details) {

        public Request {
            if (kind == null || kind.isBlank() || reference == null || reference.isBlank() || title == null || title.isBlank()) {
                throw new IllegalArgumentException("an approval request needs a kind, a reference and a title");
            }
            details = details == null ? "" : details;
        }
    }

    /** Why a decision could not be made. */
    public static final class DecisionRefused extends RuntimeException {

        private final boolean missing;

        DecisionRefused(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        /** True when there is no such approval, false when it was decided already. */
        public boolean missing() {
            return missing;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalQueue(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Approval request(Request request) {
        Optional<Approval> existing = find(request.kind(), request.reference());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var approval = new Approval(IDS.generate(), request.kind(), request.reference(), request.conversationId(),
                cut(request.title(), 300), cut(request.details(), 4000), ApprovalStatus.PENDING, now, null, null, null, 0);
        try {
            jdbc.sql("""
                    insert into approval (id, kind, reference, conversation_id, title, details, status, requested_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(approval.id(), approval.kind(), approval.reference(), approval.conversationId(), approval.title(),
                        approval.details(), approval.status().name(), Timestamp.from(now))
                .update();
        } catch (DuplicateKeyException concurrent) {
            return find(request.kind(), request.reference()).orElseThrow();
        }
        events.publishEvent(new ApprovalRequested(approval.id(), approval.kind(), approval.reference(),
                approval.conversationId(), approval.title(), now));
        return approval;
    }

    @Transactional
    public Approval decide(UUID id, boolean approve, String decidedBy, String note) {
        Approval approval = find(id).orElseThrow(() -> new DecisionRefused("No approval " + id + ".", true));
        if (approval.status() != ApprovalStatus.PENDING) {
            throw new DecisionRefused("This request was already " + approval.status().name().toLowerCase() + " by "
                    + approval.decidedBy() + ".", false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApprovalStatus status = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        String cleanNote = note == null || note.isBlank() ? null : cut(note.strip(), 1000);
        int updated = jdbc.sql("""
                update approval set status = ?, decided_at = ?, decided_by = ?, note = ?, version = version + 1
                where id = ? and version = ? and status = 'PENDING'""")
            .params(status.name(), Timestamp.from(now), decidedBy, cleanNote, id, approval.version())
            .update();
        if (updated != 1) {
            throw new DecisionRefused("Someone else decided this request a moment ago.", false);
        }
        events.publishEvent(new ApprovalDecided(id, approval.kind(), approval.reference(), approval.conversationId(),
                approve, decidedBy, cleanNote, now));
        return find(id).orElseThrow();
    }

    public Optional<Approval> find(UUID id) {
        return jdbc.sql("select * from approval where id = ?").param(id).query(ApprovalQueue::approval).optional();
    }

    public Optional<Approval> find(String kind, String reference) {
        return jdbc.sql("select * from approval where kind = ? and reference = ?").params(kind, reference)
            .query(ApprovalQueue::approval).optional();
    }

    /** Oldest first: the queue is worked in the order customers have been waiting. */
    public List<Approval> pending() {
        return jdbc.sql("select * from approval where status = 'PENDING' order by requested_at, id")
            .query(ApprovalQueue::approval).list();
    }

    /** The latest decisions, newest first. */
    public List<Approval> decided(int limit) {
        return jdbc.sql("select * from approval where status <> 'PENDING' order by decided_at desc, id desc limit ?")
            .param(limit).query(ApprovalQueue::approval).list();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Approval approval(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Approval(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("reference"),
                rs.getObject("conversation_id", UUID.class), rs.getString("title"), rs.getString("details"),
                ApprovalStatus.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decided_by"), rs.getString("note"),
                rs.getLong("version"));
    }
}
