package dev.tandem.insight.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/**
 * Recomputes the rollups from the sources (an admin's repair after a restore, a bug or a change of definition): every
 * contribution derived again from the outcome rows, the escalation reasons and the unanswered questions, then the
 * rollups set to their sums, in one transaction, so that readers see the old figures until the new ones are whole.
 */
@Service
class RebuildRollups {

    private static final int PAGE = 1_000;

    /** What a rebuild did. */
    record Rebuilt(long conversations, int rollupRows, long millis) {
    }

    private final ContributionSources sources;
    private final Rollups rollups;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    RebuildRollups(ContributionSources sources, Rollups rollups, TransactionTemplate transactions, Clock clock) {
        this.sources = sources;
        this.rollups = rollups;
        this.transactions = transactions;
        this.clock = clock;
    }

    Rebuilt rebuild(CurrentUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw DashboardFilter.problem(HttpStatus.FORBIDDEN, "Only an admin rebuilds the dashboards.");
        }
        return rebuild();
    }

    Rebuilt rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw DashboardFilter.problem(HttpStatus.CONFLICT, "A rebuild is running on this node; try again when it ends.");
        }
        try {
            long started = System.nanoTime();
            Instant now = clock.instant();
            return transactions.execute(tx -> {
                rollups.clear();
                long conversations = 0;
                UUID after = null;
                while (true) {
                    List<Contribution> page = sources.page(after, PAGE);
                    rollups.insertAll(page, now);
                    conversations += page.size();
                    if (page.size() < PAGE) {
                        break;
                    }
                    after = page.get(page.size() - 1).conversationId();
                }
                int rows = rollups.sumContributions();
                return new Rebuilt(conversations, rows, Duration.ofNanos(System.nanoTime() - started).toMillis());
            });
        } finally {
            running.set(false);
        }
    }
}
