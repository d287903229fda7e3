package dev.tandem.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.identity.CurrentUser;

/**
 * One agent's coaching view: per item the share of their conversations that met it over the last 30 days and the
 * 30 before (the trend), strengths first, one focus at a time (the weakest trustworthy item below the bar, so an
 * agent is never coached on a verdict the reviews say the judge gets wrong), an example done well and one to
 * improve on the focus, the supervisor's notes and the agent's disputes. The team view is the same figures over
 * everyone, without names.
 */
@Component
class Coaching {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    /** Share of conversations at or above which an item is a strength, and below which it may be the focus. */
    static final double STRONG = 0.8;
    private static final int MAX_NOTE = 4000;

    record ItemTrend(String item, int judged, Double rate, Double previousRate, boolean trustworthy) {
    }

    record Example(UUID conversationId, String item, Boolean verdict, String quote, Double score) {
    }

    record Note(UUID id, String author, String item, String text, Instant createdAt) {
    }

    record Report(UUID agentId, int conversations, Double averageScore, List<ItemTrend> strengths, ItemTrend focus,
            List<ItemTrend> items, Example good, Example toImprove, List<Note> notes, List<Disputes.Dispute> disputes,
            Set<String> untrustworthy) {
    }

    record TeamItem(String item, int judged, Double rate, boolean trustworthy) {
    }

    private final ScoreStore scores;
    private final Calibration calibration;
    private final Disputes disputes;
    private final RubricVersions rubrics;
    private final JdbcClient jdbc;
    private final Clock clock;

    Coaching(ScoreStore scores, Calibration calibration, Disputes disputes, RubricVersions rubrics, JdbcClient jdbc, Clock clock) {
        this.scores = scores;
        this.calibration = calibration;
        this.disputes = disputes;
        this.rubrics = rubrics;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Report of(UUID agentId) {
        Instant now = clock.instant();
        Instant monthAgo = now.minus(30, ChronoUnit.DAYS);
        List<ScoreStore.Score> all = scores.ofAgent(agentId, now.minus(60, ChronoUnit.DAYS));
        List<ScoreStore.Score> recent = all.stream().filter(s -> !s.resolvedAt().isBefore(monthAgo)).toList();
        List<ScoreStore.Score> before = all.stream().filter(s -> s.resolvedAt().isBefore(monthAgo)).toList();
        Set<String> untrustworthy = calibration.untrustworthy();
        List<ItemTrend> items = new ArrayList<>();
        for (String item : rubrics.active().names()) {
            int[] now30 = counts(recent, item);
            int[] prev30 = counts(before, item);
            items.add(new ItemTrend(item, now30[1], rate(now30), rate(prev30), !untrustworthy.contains(item)));
        }
        List<ItemTrend> strengths = items.stream().filter(t -> t.rate() != null && t.rate() >= STRONG)
            .sorted(Comparator.comparing(ItemTrend::rate).reversed()).toList();
        ItemTrend focus = items.stream().filter(t -> t.trustworthy() && t.rate() != null && t.rate() < STRONG)
            .min(Comparator.comparing(ItemTrend::rate)).orElse(null);
        Example good = recent.stream().filter(s -> s.score() != null).max(Comparator.comparing(ScoreStore.Score::score))
            .map(s -> example(s, strengths.isEmpty() ? null : strengths.get(0).item())).orElse(null);
        Example toImprove = focus == null ? null : recent.stream()
            .filter(s -> s.verdict(focus.item()).map(v -> Boolean.FALSE.equals(v.value())).orElse(false))
            .findFirst().map(s -> example(s, focus.item())).orElse(null);
        Double average = recent.stream().filter(s -> s.score() != null).mapToDouble(ScoreStore.Score::score).average()
            .stream().boxed().findFirst().map(a -> Math.round(a * 1000) / 1000.0).orElse(null);
        return new Report(agentId, recent.size(), average, strengths, focus, items, good, toImprove, notes(agentId),
                disputes.ofAgent(agentId), untrustworthy);
    }

    /** Every agent's conversations of the last 30 days together, per item: no names, no individual figures. */
    List<TeamItem> team() {
        List<ScoreStore.Score> recent = scores.since(clock.instant().minus(30, ChronoUnit.DAYS), 5000);
        Set<String> untrustworthy = calibration.untrustworthy();
        List<TeamItem> items = new ArrayList<>();
        for (String item : rubrics.active().names()) {
            int[] c = counts(recent, item);
            items.add(new TeamItem(item, c[1], rate(c), !untrustworthy.contains(item)));
        }
        return items;
    }

    Note addNote(CurrentUser author, UUID agentId, String item, String text) {
        if (!ScoreVisibility.supervises(author)) {
            throw QualityProblems.forbidden("Coaching notes are written by supervisors and admins.");
        }
        if (text == null || text.isBlank()) {
            throw QualityProblems.invalid("A coaching note needs a text.");
        }
        if (text.length() > MAX_NOTE) {
            throw QualityProblems.invalid("A coaching note is at most " + MAX_NOTE + " characters.");
        }
        if (item != null && !item.isBlank() && rubrics.active().item(item).isEmpty()) {
            throw QualityProblems.invalid("'" + item + "' is not a rubric item; the items are " + rubrics.active().names() + ".");
        }
        String about = item == null || item.isBlank() ? null : item;
        UUID id = IDS.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("insert into quality_coaching_note (id, agent_id, author_id, author, item, text, created_at) values (?, ?, ?, ?, ?, ?, ?)")
            .params(id, agentId, author.id(), author.displayName(), about, text.strip(), Timestamp.from(now)).update();
        return new Note(id, author.displayName(), about, text.strip(), now);
    }

    List<Note> notes(UUID agentId) {
        return jdbc.sql("select id, author, item, text, created_at from quality_coaching_note where agent_id = ? order by created_at desc limit 50")
            .param(agentId)
            .query((rs, n) -> new Note(rs.getObject("id", UUID.class), rs.getString("author"), rs.getString("item"),
                    rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    private static Example example(ScoreStore.Score score, String item) {
        var verdict = item == null ? null : score.verdict(item).orElse(null);
        return new Example(score.conversationId(), item, verdict == null ? null : verdict.value(),
                verdict == null ? null : verdict.quote(), score.score());
    }

    private static int[] counts(List<ScoreStore.Score> scores, String item) {
        int[] c = new int[2];
        for (ScoreStore.Score score : scores) {
            score.verdict(item).map(ScoreStore.StoredVerdict::value).ifPresent(value -> {
                c[0] += value ? 1 : 0;
                c[1]++;
            });
        }
        return c;
    }

    private static Double rate(int[] c) {
        return c[1] == 0 ? null : Math.round(1000.0 * c[0] / c[1]) / 1000.0;
    }

}
