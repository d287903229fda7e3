package dev.tandem.assist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.KnowledgeSearch;

/** The plain classes of the panel, built here; {@code eval assist} builds {@link KnowledgeHelp} the same way. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistProperties.class)
class AssistConfiguration {

    @Bean
    KnowledgeHelp assistKnowledgeHelp(KnowledgeSearch search, Embeddings embeddings) {
        return new KnowledgeHelp(search, embeddings);
    }

    @Bean
    PolicyReminders assistPolicyReminders(AssistProperties properties) {
        try (InputStream in = properties.policies().getInputStream()) {
            return PolicyReminders.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy reminders " + properties.policies(), e);
        }
    }
}
