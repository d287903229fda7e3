package dev.tandem.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the insight module, under {@code tandem.insight}.
 *
 * @param summaries how conversations are summarised
 * @param outcomes how outcomes are judged and the resolution ledger is kept
 * @param csat how customers are asked for their rating
 */
@ConfigurationProperties("tandem.insight")
public record InsightProperties(@DefaultValue Summaries summaries, @DefaultValue Outcomes outcomes,
        @DefaultValue Csat csat) {

    /**
     * @param enabled summarise conversations on handoff and on resolution
     * @param generate with a chat model configured ({@code tandem.ai.chat.base-url}), let it write the summary
     *     (checked against the conversation; the extractive one stands in when the check fails); false keeps
     *     summaries extractive even then
     * @param maxItems at most this many entries per list (details, actions, follow-ups): a summary is read in
     *     seconds, and the conversation itself is one click away
     * @param maxLength an entry's longest text, in characters; longer sentences are cut at a word with "…"
     */
    public record Summaries(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean generate,
            @DefaultValue("8") int maxItems, @DefaultValue("240") int maxLength) {
    }

    /**
     * @param enabled judge outcomes at conversation events and keep the ledger
     * @param quietAfter a conversation with the assistant or in the queue whose customer wrote nothing for this
     *     long has ended (resolved by the assistant, or abandoned); widget conversations are rarely closed
     * @param sweepEvery how often the once-per-cluster job ends quiet conversations and writes the ledger
     */
    public record Outcomes(@DefaultValue("true") boolean enabled, @DefaultValue("PT24H") Duration quietAfter,
            @DefaultValue("PT1M") Duration sweepEvery) {
    }

    /**
     * @param email email a rating link when a conversation is resolved and an address is known
     * @param linkBaseUrl where this Tandem is reached from outside, for the links in those emails
     * @param linkValidity how long a rating link works
     * @param signingKey the key that signs rating links (empty: one made once and kept in the database)
     * @param maxComment the longest comment, in characters
     */
    public record Csat(@DefaultValue("true") boolean email, @DefaultValue("http://localhost:8080") String linkBaseUrl,
            @DefaultValue("P14D") Duration linkValidity, @DefaultValue("") String signingKey,
            @DefaultValue("1000") int maxComment) {
    }
}
