package dev.tandem.insight;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the resolution ledger, never changed once written.
 *
 * @param sequence its place in the ledger (1, 2, ...), gapless per installation in normal operation
 * @param kind {@code ENTRY}: a verified AI resolution counted; {@code REVERSAL}: a correction that cancels the entry
 *     {@code reverses}, because late evidence dated inside its window arrived
 * @param month the month it counts in (UTC, when it was written), "2026-12"
 * @param definitionVersion the version of the resolution definition it was judged under
 * @param windowStart when the conversation ended, the start of the window
 * @param windowEnd the end of the window that had to pass without reopen, repeat contact or negative rating
 * @param evidence why it counted (or why it was reversed): the confirmation, the checks, the evidence against
 */
public record LedgerEntry(UUID id, long sequence, Kind kind, UUID conversationId, UUID reverses, String month,
        int definitionVersion, Instant windowStart, Instant windowEnd, UUID teamId, String channel, String language,
        Map<String, Object> evidence, Instant recordedAt) {

    public enum Kind {
        ENTRY, REVERSAL
    }

    /** A month's totals: entries counted, reversals written, and what stands. */
    public record MonthTotal(String month, long entries, long reversals, long net) {
    }
}
