package dev.tandem.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the insight module, under {@code tandem.insight}.
 *
 * @param summaries how conversations are summarised
 */
@ConfigurationProperties("tandem.insight")
public record InsightProperties(@DefaultValue Summaries summaries) {

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
}
