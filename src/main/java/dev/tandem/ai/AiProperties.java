package dev.tandem.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model settings under {@code tandem.ai}.
 *
 * @param warmUp load the embedding and language models in the background from the moment their beans exist (on by
 *        default); off, it loads on first use, which keeps test contexts that never embed light
 */
@ConfigurationProperties("tandem.ai")
public record AiProperties(Boolean warmUp) {

    public AiProperties {
        warmUp = warmUp == null || warmUp;
    }
}
