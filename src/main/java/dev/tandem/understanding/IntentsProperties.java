package dev.tandem.understanding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tandem.understanding.intents}.
 *
 * @param file a {@code text,label} CSV (a path, or a {@code classpath:}/{@code file:} location)
 *        trained at start-up when no intent set is stored yet; empty: none
 */
@ConfigurationProperties("tandem.understanding.intents")
record IntentsProperties(String file) {

    IntentsProperties {
        file = file == null ? "" : file.strip();
    }
}
