package dev.tandem.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.ai.ChatModels;

/**
 * The training sandbox's plain classes. These are the module's only beans: {@code simulate} stays a client that
 * builds its own classes without Spring.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrainingProperties.class)
class TrainingConfiguration {

    /** A file with mistakes stops the start with every mistake listed, as {@code simulate} does. */
    @Bean
    TrainingScenarios trainingScenarios(TrainingProperties properties) {
        String name = properties.scenarios().getFilename() == null ? "scenarios.yml" : properties.scenarios().getFilename();
        try (InputStream in = properties.scenarios().getInputStream()) {
            return new TrainingScenarios(ScenarioFile.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    new SecureRandom());
        } catch (IOException e) {
            throw new ScenarioFile.Invalid("cannot read the training scenarios " + properties.scenarios() + ": " + e.getMessage());
        }
    }

    @Bean
    TrainingVoice trainingVoice(TrainingProperties properties, ChatModels chatModels) {
        return new TrainingVoice(properties.llmCustomer() && chatModels.enabled() ? new LlmVoice(chatModels)
                : CustomerVoice.SCRIPTED);
    }

    @Bean
    TrainingRubric trainingRubric() {
        return new TrainingRubric(TrainingPhrases.shipped());
    }
}
