package dev.tandem.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationSummary;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The once-per-cluster job (ShedLock) behind outcomes and the ledger, every {@code tandem.insight.outcomes.sweep-every}:
 * <ol>
 * <li>judges the conversations that went quiet (no message for {@code quiet-after}) since its last run;</li>
 * <li>writes a ledger entry for each candidate whose window has passed and that is still verified, judged under the
 * definition in force;</li>
 * <li>reverses, with a correction entry, each entry of the last {@link #REVERSAL_HORIZON} for which evidence dated
 * inside its window has arrived since (a reopen, a repeat contact or a negative rating recorded late).</li>
 * </ol>
 * Each step remembers how far it got ({@code outcome_sweep}), so a run reads only what is new; every step is safe to
 * repeat.
 */
@Component
class OutcomeSweep {

    /** How long after an entry late evidence is still looked for: the longest window and then some. */
    static final Duration REVERSAL_HORIZON = Duration.ofDays(120);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OutcomeSweep.class);

    /** What one run did. */
    record Run(int quiet, int entries, int reversals) {
    }

    private final ConversationQueries conversations;
    private final RecordOutcomes outcomes;
    private final ConversationOutcomes rows;
    private final OutcomeEvidence evidence;
    private final ResolutionDefinitions definitions;
    private final ResolutionLedger ledger;
    private final InsightProperties.Outcomes settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeSweep(ConversationQueries conversations, RecordOutcomes outcomes, ConversationOutcomes rows,
            OutcomeEvidence evidence, ResolutionDefinitions definitions, ResolutionLedger ledger,
            InsightProperties properties, JdbcClient jdbc, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.outcomes = outcomes;
        this.rows = rows;
        this.evidence = evidence;
        this.definitions = definitions;
        this.ledger = ledger;
        this.settings = properties.outcomes();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.insight.outcomes.sweep-every:PT1M}", initialDelayString = "PT45S")
    @SchedulerLock(name = "insight-outcomes", lockAtMostFor = "PT30M")
    void scheduled() {
        if (settings.enabled()) {
            Run run = run(clock.instant());
            if (run.quiet() + run.entries() + run.reversals() > 0) {
                log.info("Outcomes: {} quiet conversations judged, {} ledger entries, {} reversals", run.quiet(),
                        run.entries(), run.reversals());
            }
        }
    }

    /** One run as of {@code now} (tests pass the moment they need). */
    Run run(Instant now) {
        return new Run(quiet(now), entries(now), reversals(now));
    }

    private int quiet(Instant now) {
        Instant to = now.minus(settings.quietAfter());
        Instant from = watermark("quiet").orElse(to.minus(Duration.ofDays(7)));
        int judged = quiet(from, to, now);
        advance("quiet", to);
        return judged;
    }

    /** Judges, as of {@code now}, the conversations with the assistant or in the queue whose last message fell in [from, to). */
    int quiet(Instant from, Instant to, Instant now) {
        int judged = 0;
        while (from.isBefore(to)) {
            List<ConversationSummary> page = conversations.quietBetween(from, to, BATCH);
            for (ConversationSummary quiet : page) {
                outcomes.recordAsOf(quiet.id(), now);
                judged++;
            }
            if (page.size() < BATCH) {
                break;
            }
            Instant last = page.get(page.size() - 1).lastMessageAt();
            from = last.equals(from) ? last.plusNanos(1000) : last;
        }
        return judged;
    }

    private int entries(Instant now) {
        ResolutionDefinition definition = definitions.active();
        Instant endedBefore = now.minus(definition.window());
        int written = 0;
        while (true) {
            List<UUID> candidates = rows.candidates(endedBefore, BATCH);
            for (UUID candidate : candidates) {
                if (enter(candidate, definition, now)) {
                    written++;
                }
                rows.markChecked(candidate);
            }
            if (candidates.size() < BATCH) {
                return written;
            }
        }
    }

    /** Judges a candidate once more, after catching up on the customer's newer conversations, and enters it. */
    boolean enter(UUID conversationId, ResolutionDefinition definition, Instant now) {
        if (ledger.has(conversationId, LedgerEntry.Kind.ENTRY)) {
            return false;
        }
        Optional<OutcomeFacts> before = outcomes.facts(conversationId);
        if (before.isEmpty()) {
            return false;
        }
        // a newer contact may have no event yet (still with the assistant): link it now
        conversations.ofCustomer(before.get().customerId()).stream()
            .filter(c -> c.createdAt().isAfter(before.get().startedAt()))
            .limit(20)
            .forEach(newer -> outcomes.facts(newer.id()).ifPresent(outcomes::linkRepeats));
        Optional<OutcomeFacts> current = outcomes.facts(conversationId);
        if (current.isEmpty()) {
            return false; // erased a moment ago
        }
        OutcomeFacts facts = current.get();
        var verdict = OutcomeRules.verdict(facts, definition, settings.quietAfter(), now);
        if (verdict.state() != OutcomeRules.Verdict.State.VERIFIED) {
            return false;
        }
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("reason", verdict.reason());
        why.put("confirmation", Map.of("kind", verdict.confirmation().kind(), "at", verdict.confirmation().at().toString(),
                "ref", String.valueOf(verdict.confirmation().ref())));
        why.put("aiOnly", true);
        why.put("firstMessageAt", String.valueOf(facts.firstCustomerAt()));
        why.put("endedAt", verdict.windowStart().toString());
        why.put("windowLength", definition.window().toString());
        why.put("checked", List.of("no handoff", "no agent message", "no reopen until " + verdict.windowEnd(),
                "no repeat contact on the topic until " + verdict.windowEnd(),
                "no rating at or below " + definition.negativeRatingAtMost() + " until " + verdict.windowEnd()));
        why.put("csat", facts.csat());
        why.put("intent", facts.intent());
        var entry = ledger.append(LedgerEntry.Kind.ENTRY, conversationId, null, definition.version(),
                verdict.windowStart(), verdict.windowEnd(), facts.teamId(), facts.channel(), facts.language(), why, now);
        entry.ifPresent(e -> verified(conversationId, facts.teamId(), true, now));
        return entry.isPresent();
    }

    private int reversals(Instant now) {
        ResolutionDefinition definition = definitions.active();
        List<String> kinds = new ArrayList<>(List.of(Evidence.Kind.REOPENED.name(), Evidence.Kind.REPEAT_SAME_TOPIC.name(),
                Evidence.Kind.HANDOFF.name()));
        if (definition.unknownTopicIsSame()) {
            kinds.add(Evidence.Kind.REPEAT_UNKNOWN_TOPIC.name());
        }
        int written = 0;
        long after = 0;
        while (true) {
            List<LedgerEntry> standing = ledger.possiblyDisproved(now.minus(REVERSAL_HORIZON), kinds,
                    Math.max(definition.negativeRatingAtMost(), 0), after, BATCH);
            for (LedgerEntry entry : standing) {
                if (reverseIfDisproved(entry, now)) {
                    written++;
                }
            }
            if (standing.size() < BATCH) {
                return written;
            }
            after = standing.get(standing.size() - 1).sequence();
        }
    }

    /** Reverses the entry when evidence dated inside its window disqualifies it under the definition it was counted by. */
    boolean reverseIfDisproved(LedgerEntry entry, Instant now) {
        ResolutionDefinition definition = definitions.version(entry.definitionVersion()).orElseGet(definitions::active);
        List<Evidence> against = new ArrayList<>(evidence.of(entry.conversationId()).stream()
            .filter(e -> e.disqualifies(definition) && !e.at().isAfter(entry.windowEnd())).toList());
        if (against.isEmpty()) {
            return false;
        }
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("reason", OutcomeRules.describe(against.get(0)) + ", inside the window that ended " + entry.windowEnd()
                + "; recorded " + against.get(0).recordedAt() + ", after entry " + entry.sequence() + " was written.");
        why.put("reversesSequence", entry.sequence());
        why.put("evidence", against.stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", e.kind().name());
            item.put("at", e.at().toString());
            item.put("ref", e.ref());
            item.put("recordedAt", e.recordedAt().toString());
            return item;
        }).toList());
        var reversal = ledger.append(LedgerEntry.Kind.REVERSAL, entry.conversationId(), entry.id(),
                entry.definitionVersion(), entry.windowStart(), entry.windowEnd(), entry.teamId(), entry.channel(),
                entry.language(), why, now);
        reversal.ifPresent(r -> verified(entry.conversationId(), entry.teamId(), false, now));
        return reversal.isPresent();
    }

    /** Marks the row, and tells the dashboards: a ledger entry or its reversal moves the verified count. */
    private void verified(UUID conversationId, UUID teamId, boolean verified, Instant now) {
        transactions.executeWithoutResult(tx -> {
            rows.markVerified(conversationId, verified);
            rows.outcomeOf(conversationId).ifPresent(outcome -> events.publishEvent(
                    new ConversationOutcomeRecorded(conversationId, teamId, outcome, outcome, now)));
        });
    }

    private Optional<Instant> watermark(String name) {
        return jdbc.sql("select swept_until from outcome_sweep where name = ?").param(name).query(Timestamp.class).optional()
            .map(Timestamp::toInstant);
    }

    private void advance(String name, Instant until) {
        Optional<Instant> current = watermark(name);
        if (current.isEmpty()) {
            jdbc.sql("insert into outcome_sweep (name, swept_until) values (?, ?)").params(name, Timestamp.from(until)).update();
        } else if (until.isAfter(current.get())) {
            jdbc.sql("update outcome_sweep set swept_until = ? where name = ?").params(Timestamp.from(until), name).update();
        }
    }

}
