package dev.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.tandem.understanding.TrainIntents;

/**
 * First start with no intent set (and none configured): Northwind Outfitters' intents,
 * {@code classpath:demo/intents.csv} (orders, shipping, returns, accounts, payments, gift cards,
 * loyalty, product care, warranty, privacy, greetings, thanks, and out-of-scope examples), uploaded
 * like an admin's file and trained in the background.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
@ConditionalOnProperty(name = "tandem.demo", havingValue = "true", matchIfMissing = true)
class DemoIntents implements ApplicationRunner {

    static final String LOCATION = "demo/intents.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoIntents.class);

    private final TrainIntents trainIntents;

    DemoIntents(TrainIntents trainIntents) {
        this.trainIntents = trainIntents;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (trainIntents.hasIntentSets()) {
            return;
        }
        try {
            trainIntents.upload("northwind-intents.csv", new ClassPathResource(LOCATION).getContentAsByteArray(),
                    "demo");
            log.info("Demo intents stored; training in the background");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo intents", e);
        }
    }
}
