package dev.tandem.insight;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/**
 * Reading the resolution ledger and its definition: for admins and supervisors; changing the definition: admins.
 * Every answer is the stored lines as they are; nothing here writes a line.
 */
@Service
class Ledger {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** An entry with its correction, if any, and the definition it was judged under. */
    record Opened(LedgerEntry entry, LedgerEntry reversal, LedgerEntry reverses, int definitionVersion,
            String definition) {
    }

    /** The definition in force, its text and the saved versions. */
    record Definition(int version, String yaml, List<ResolutionDefinitions.Saved> history) {
    }

    private final ResolutionLedger ledger;
    private final ResolutionDefinitions definitions;

    Ledger(ResolutionLedger ledger, ResolutionDefinitions definitions) {
        this.ledger = ledger;
        this.definitions = definitions;
    }

    List<LedgerEntry> list(CurrentUser user, String month, long after, int limit) {
        allowed(user);
        if (limit < 1 || limit > ResolutionLedger.MAX_PAGE || after < 0) {
            throw RateConversation.problem(HttpStatus.BAD_REQUEST, "limit must be 1 to " + ResolutionLedger.MAX_PAGE
                    + " and after (a sequence number) 0 or more.");
        }
        return ledger.list(month(month), after, limit);
    }

    List<LedgerEntry> latest(CurrentUser user, String month, int limit) {
        allowed(user);
        return ledger.latest(month(month), limit);
    }

    List<LedgerEntry.MonthTotal> totals(CurrentUser user) {
        allowed(user);
        return ledger.totals();
    }

    Opened open(CurrentUser user, UUID id) {
        allowed(user);
        LedgerEntry entry = ledger.find(id).orElseThrow(() -> RateConversation.problem(HttpStatus.NOT_FOUND,
                "No ledger entry " + id + "."));
        LedgerEntry reversal = entry.kind() == LedgerEntry.Kind.ENTRY ? ledger.reversalOf(id).orElse(null) : null;
        LedgerEntry reverses = entry.reverses() == null ? null : ledger.find(entry.reverses()).orElse(null);
        String yaml = definitions.version(entry.definitionVersion()).map(ResolutionDefinition::yaml).orElse(null);
        return new Opened(entry, reversal, reverses, entry.definitionVersion(), yaml);
    }

    /** All lines of a month (or all), in ledger order, as CSV with a header. */
    String csv(CurrentUser user, String month) {
        allowed(user);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("sequence", "id", "kind",
                "recorded_at", "month", "conversation_id", "reverses_id", "definition_version", "window_start",
                "window_end", "team_id", "channel", "language", "confirmation", "confirmed_at", "reason").get())) {
            long after = 0;
            while (true) {
                List<LedgerEntry> page = ledger.list(month(month), after, ResolutionLedger.MAX_PAGE);
                for (LedgerEntry e : page) {
                    Object confirmation = e.evidence().get("confirmation");
                    Map<?, ?> c = confirmation instanceof Map<?, ?> m ? m : Map.of();
                    csv.printRecord(e.sequence(), e.id(), e.kind(), e.recordedAt(), e.month(), e.conversationId(),
                            e.reverses(), e.definitionVersion(), e.windowStart(), e.windowEnd(), e.teamId(),
                            e.channel(), e.language(), c.get("kind"), c.get("at"), e.evidence().get("reason"));
                }
                if (page.size() < ResolutionLedger.MAX_PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).sequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    Definition definition(CurrentUser user) {
        allowed(user);
        ResolutionDefinition active = definitions.active();
        return new Definition(active.version(), active.yaml(), definitions.history());
    }

    Definition save(CurrentUser user, String yaml) {
        if (!user.hasRole(Role.ADMIN)) {
            throw RateConversation.problem(HttpStatus.FORBIDDEN, "Only an admin changes the resolution definition.");
        }
        definitions.save(yaml, user.username());
        return definition(user);
    }

    static void allowed(CurrentUser user) {
        if (!user.hasRole(Role.ADMIN) && !user.hasRole(Role.SUPERVISOR)) {
            throw RateConversation.problem(HttpStatus.FORBIDDEN, "The resolution ledger is for admins and supervisors.");
        }
    }

    private static String month(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        if (!MONTH.matcher(month.strip()).matches()) {
            throw RateConversation.problem(HttpStatus.BAD_REQUEST, "month must look like 2026-12, not '" + month + "'.");
        }
        return month.strip();
    }

    Optional<LedgerEntry> entryOf(UUID conversationId) {
        return ledger.ofConversation(conversationId).stream().filter(e -> e.kind() == LedgerEntry.Kind.ENTRY).findFirst();
    }
}
