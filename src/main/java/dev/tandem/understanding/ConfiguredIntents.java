package dev.tandem.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * At start-up: intent sets whose training a stop interrupted are trained again, and with an empty
 * store the intents of {@code tandem.understanding.intents.file} are uploaded and trained. A
 * restart with a stored model trains nothing: {@link CurrentIntentModel} loads it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before the demo data, so configured intents win
class ConfiguredIntents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredIntents.class);

    private final IntentsProperties properties;
    private final IntentSetRepository sets;
    private final TrainIntents trainIntents;
    private final IntentTraining training;

    ConfiguredIntents(IntentsProperties properties, IntentSetRepository sets, TrainIntents trainIntents,
            IntentTraining training) {
        this.properties = properties;
        this.sets = sets;
        this.trainIntents = trainIntents;
        this.training = training;
    }

    @Override
    public void run(ApplicationArguments args) {
        sets.unfinished().forEach(training::submit);
        if (properties.file().isEmpty() || !sets.isEmpty()) {
            return;
        }
        Resource file = properties.file().contains(":") && !properties.file().matches("[A-Za-z]:\\\\.*")
                ? new DefaultResourceLoader().getResource(properties.file())
                : new FileSystemResource(properties.file());
        try {
            trainIntents.upload(file.getFilename(), file.getContentAsByteArray(), "configuration");
            log.info("Intents from {} stored; training in the background", properties.file());
        } catch (IOException e) {
            throw new UncheckedIOException("tandem.understanding.intents.file: cannot read " + properties.file(), e);
        } catch (ErrorResponseException invalid) {
            throw new IllegalStateException("tandem.understanding.intents.file " + properties.file() + ": "
                    + invalid.getBody().getDetail(), invalid);
        }
    }
}
