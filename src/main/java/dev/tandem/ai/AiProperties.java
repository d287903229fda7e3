package dev.tandem.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model settings under {@code tandem.ai}.
 *
 * @param warmUp load the embedding model in the background once the application is ready (on by
 *        default); off, it loads on first use, which keeps test contexts that never embed light
 */
@ConfigurationProperties("tandem.ai")
public record AiProperties(Boolean warmUp) {

    public AiProperties {
        warmUp = warmUp == null || warmUp;
    }
}
