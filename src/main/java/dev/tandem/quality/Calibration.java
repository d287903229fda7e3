package dev.tandem.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.identity.CurrentUser;

/**
 * Supervisors' blind reviews of scored conversations, and how often the automatic verdicts agree with them. The
 * sample is a stable share of scored conversations with an agent (by conversation id, so every node and every
 * supervisor sees the same ones), plus every conversation with an open dispute. A review is stored with the
 * automatic verdict as it stood, so agreement is measured against what the judge said, and a review settles the
 * conversation's open disputes: a verdict the reviewer saw differently is corrected.
 */
@Component
class Calibration {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final int WEEKS = 12;

    record Pending(UUID conversationId, String reason, Instant resolvedAt) {
    }

    /** One item's agreement; trustworthy is null while it has fewer reviews than the minimum. */
    record ItemAgreement(String item, int reviews, Double agreement, Boolean trustworthy) {
    }

    record Week(String week, Map<String, Double> agreementByItem, int reviews) {
    }

    record Comparison(String item, Boolean reviewed, Boolean automatic, String quote, boolean agrees) {
    }

    private final JdbcClient jdbc;
    private final ScoreStore scores;
    private final RubricVersions rubrics;
    private final QualityProperties settings;
    private final Clock clock;

    Calibration(JdbcClient jdbc, ScoreStore scores, RubricVersions rubrics, QualityProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.rubrics = rubrics;
        this.settings = settings;
        this.clock = clock;
    }

    boolean sampled(UUID conversationId) {
        return Math.floorMod(conversationId.hashCode(), 1000) < Math.round(settings.calibrationSample() * 1000);
    }

    /** What {@code reviewer} has left to review, disputes first; never their own conversations. */
    List<Pending> queue(CurrentUser reviewer, int limit) {
        Set<UUID> reviewed = new LinkedHashSet<>(jdbc.sql("select conversation_id from quality_review where reviewer_id = ?")
            .param(reviewer.id()).query(UUID.class).list());
        List<Pending> pending = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        jdbc.sql("""
                select d.conversation_id, s.resolved_at, s.agent_id from quality_dispute d
                join quality_score s on s.conversation_id = d.conversation_id
                where d.status = 'OPEN' order by d.opened_at""")
            .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class) })
            .list()
            .forEach(row -> {
                UUID id = (UUID) row[0];
                if (!reviewed.contains(id) && !reviewer.id().equals(row[2]) && seen.add(id)) {
                    pending.add(new Pending(id, "DISPUTE", (Instant) row[1]));
                }
            });
        for (ScoreStore.Score score : scores.since(clock.instant().minus(30, ChronoUnit.DAYS), 2000)) {
            if (pending.size() >= limit) {
                break;
            }
            UUID id = score.conversationId();
            if (sampled(id) && !reviewed.contains(id) && !reviewer.id().equals(score.agentId()) && seen.add(id)) {
                pending.add(new Pending(id, "SAMPLE", score.resolvedAt()));
            }
        }
        return pending.size() > limit ? pending.subList(0, limit) : pending;
    }

    /**
     * Stores {@code reviewer}'s verdicts on a scored conversation (every item of the rubric it was scored with that
     * the reviewer judged; null is "not applicable") and settles its open disputes.
     */
    @Transactional
    List<Comparison> review(CurrentUser reviewer, UUID conversationId, Map<String, Boolean> labels) {
        ScoreStore.Score score = scores.find(conversationId)
            .orElseThrow(() -> QualityProblems.notFound("Conversation " + conversationId + " has no quality score to review."));
        if (reviewer.id().equals(score.agentId())) {
            throw QualityProblems.forbidden("Nobody reviews their own conversations.");
        }
        Rubric rubric = rubrics.version(score.rubricVersion()).orElse(rubrics.active());
        if (labels == null || labels.isEmpty()) {
            throw QualityProblems.invalid("Send your verdicts as {\"labels\": {\"<item>\": true|false|null}}; the items are "
                    + rubric.names() + ".");
        }
        for (String item : labels.keySet()) {
            if (rubric.item(item).isEmpty()) {
                throw QualityProblems.invalid("'" + item + "' is not an item of rubric version " + rubric.version()
                        + "; its items are " + rubric.names() + ".");
            }
        }
        boolean disputed = jdbc.sql("select count(*) from quality_dispute where conversation_id = ? and status = 'OPEN'")
            .param(conversationId).query(Integer.class).single() > 0;
        UUID id = IDS.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.sql("insert into quality_review (id, conversation_id, reviewer_id, reviewer, reason, reviewed_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, conversationId, reviewer.id(), reviewer.username(), disputed ? "DISPUTE" : "SAMPLE", Timestamp.from(now))
                .update();
        } catch (DuplicateKeyException twice) {
            throw QualityProblems.of(org.springframework.http.HttpStatus.CONFLICT, "You have already reviewed conversation "
                    + conversationId + ".");
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (var label : labels.entrySet()) {
            var stored = score.verdict(label.getKey()).orElse(null);
            Boolean automatic = stored == null ? null : stored.automatic();
            jdbc.sql("insert into quality_review_item (review_id, item, reviewed, automatic) values (?, ?, ?, ?)")
                .params(id, label.getKey(), label.getValue(), automatic).update();
            comparisons.add(new Comparison(label.getKey(), label.getValue(), automatic, stored == null ? null : stored.quote(),
                    java.util.Objects.equals(label.getValue(), automatic)));
        }
        settleDisputes(reviewer, conversationId, labels, score, now);
        return comparisons;
    }

    private void settleDisputes(CurrentUser reviewer, UUID conversationId, Map<String, Boolean> labels, ScoreStore.Score score,
            Instant now) {
        List<Map<String, Object>> open = jdbc.sql("select id, item from quality_dispute where conversation_id = ? and status = 'OPEN'")
            .param(conversationId).query().listOfRows();
        for (Map<String, Object> dispute : open) {
            String item = String.valueOf(dispute.get("item") != null ? dispute.get("item") : dispute.get("ITEM"));
            Object disputeId = dispute.get("id") != null ? dispute.get("id") : dispute.get("ID");
            if (!labels.containsKey(item)) {
                continue;
            }
            Boolean automatic = score.verdict(item).map(ScoreStore.StoredVerdict::automatic).orElse(null);
            boolean upheld = !java.util.Objects.equals(labels.get(item), automatic);
            if (upheld) {
                scores.correct(conversationId, item, labels.get(item), reviewer.username());
            }
            jdbc.sql("update quality_dispute set status = ?, settled_at = ?, settled_by = ? where id = ?")
                .params(upheld ? "UPHELD" : "REJECTED", Timestamp.from(now), reviewer.username(), disputeId).update();
        }
    }

    /** Agreement per item over every review so far, in the active rubric's order. */
    List<ItemAgreement> agreement() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        rubrics.active().names().forEach(name -> counts.put(name, new int[2]));
        jdbc.sql("select item, reviewed, automatic from quality_review_item where reviewed is not null")
            .query((rs, n) -> {
                Boolean automatic = rs.getBoolean("automatic");
                if (rs.wasNull()) {
                    automatic = null;
                }
                int[] c = counts.computeIfAbsent(rs.getString("item"), k -> new int[2]);
                c[0] += java.util.Objects.equals(rs.getBoolean("reviewed"), automatic) ? 1 : 0;
                c[1]++;
                return null;
            }).list();
        List<ItemAgreement> items = new ArrayList<>();
        counts.forEach((item, c) -> {
            Double share = c[1] == 0 ? null : Math.round(1000.0 * c[0] / c[1]) / 1000.0;
            Boolean trustworthy = c[1] < settings.minimumReviews() ? null : share >= settings.trustworthyAgreement();
            items.add(new ItemAgreement(item, c[1], share, trustworthy));
        });
        return items;
    }

    /** Items marked not trustworthy: enough reviews and agreement below the bar. */
    Set<String> untrustworthy() {
        Set<String> items = new LinkedHashSet<>();
        agreement().stream().filter(a -> Boolean.FALSE.equals(a.trustworthy())).forEach(a -> items.add(a.item()));
        return items;
    }

    /** Agreement per item and ISO week over the last twelve weeks, oldest first. */
    List<Week> history() {
        Instant since = clock.instant().minus(WEEKS * 7L, ChronoUnit.DAYS);
        Map<String, Map<String, int[]>> byWeek = new TreeMap<>();
        jdbc.sql("""
                select r.reviewed_at, i.item, i.reviewed, i.automatic from quality_review_item i
                join quality_review r on r.id = i.review_id where r.reviewed_at >= ? and i.reviewed is not null""")
            .param(Timestamp.from(since))
            .query((rs, n) -> {
                LocalDate day = rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                Boolean automatic = rs.getBoolean(4);
                if (rs.wasNull()) {
                    automatic = null;
                }
                int[] c = byWeek.computeIfAbsent(week, w -> new LinkedHashMap<>()).computeIfAbsent(rs.getString(2), k -> new int[2]);
                c[0] += java.util.Objects.equals(rs.getBoolean(3), automatic) ? 1 : 0;
                c[1]++;
                return null;
            }).list();
        List<Week> weeks = new ArrayList<>();
        byWeek.forEach((week, items) -> {
            Map<String, Double> agreement = new LinkedHashMap<>();
            int[] total = new int[1];
            items.forEach((item, c) -> {
                agreement.put(item, Math.round(1000.0 * c[0] / c[1]) / 1000.0);
                total[0] += c[1];
            });
            weeks.add(new Week(week, agreement, total[0]));
        });
        return weeks;
    }
}
