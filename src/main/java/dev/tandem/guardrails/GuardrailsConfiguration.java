package dev.tandem.guardrails;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.ai.Embeddings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GuardrailsProperties.class, OutputGuardrailsProperties.class })
class GuardrailsConfiguration {

    @Bean
    InputGuardrails inputGuardrails(GuardrailsProperties properties, Embeddings embeddings) {
        return new InputGuardrails(properties, embeddings);
    }

    @Bean
    OutputGuardrails outputGuardrails(OutputGuardrailsProperties properties, ConstitutionVersions versions,
            Embeddings embeddings, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return new OutputGuardrails(properties, versions, embeddings, events, transactions, clock);
    }
}
