package dev.tandem.answering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tandem.answering}.
 *
 * @param enabled new conversations start with the AI assistant (on by default); off, every
 *     conversation goes straight to the human queue
 * @param defaultLanguage the language assumed when a message does not tell (ISO 639-1)
 * @param concurrency how many turns of the assistant run at once on this node (default: one per core);
 *     more wait their turn, so model work never takes more than this from storing messages
 * @param replyWait how long the customer's request waits for the assistant's reply before it returns
 *     without it (the reply then arrives over the live stream)
 * @param replyDeadline a turn still waiting this long after the customer wrote is replaced by a short
 *     notice with the offer of a person
 */
@ConfigurationProperties("tandem.answering")
record AnsweringProperties(Boolean enabled, String defaultLanguage, Integer concurrency, Duration replyWait,
        Duration replyDeadline) {

    AnsweringProperties {
        concurrency = concurrency == null || concurrency < 1 ? Runtime.getRuntime().availableProcessors() : concurrency;
        replyWait = replyWait == null || replyWait.isNegative() ? Duration.ofSeconds(1) : replyWait;
        replyDeadline = replyDeadline == null || replyDeadline.isNegative() || replyDeadline.isZero() ? Duration.ofSeconds(30) : replyDeadline;
        enabled = enabled == null || enabled;
        defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? Phrases.DEFAULT_LANGUAGE
                : defaultLanguage.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
