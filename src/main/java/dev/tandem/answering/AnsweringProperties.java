package dev.tandem.answering;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tandem.answering}.
 *
 * @param enabled new conversations start with the AI assistant (on by default); off, every
 *     conversation goes straight to the human queue
 * @param defaultLanguage the language assumed when a message does not tell (ISO 639-1)
 */
@ConfigurationProperties("tandem.answering")
record AnsweringProperties(Boolean enabled, String defaultLanguage) {

    AnsweringProperties {
        enabled = enabled == null || enabled;
        defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? Phrases.DEFAULT_LANGUAGE
                : defaultLanguage.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
