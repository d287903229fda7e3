package dev.tandem.guardrails;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.ai.Embeddings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuardrailsProperties.class)
class GuardrailsConfiguration {

    @Bean
    InputGuardrails inputGuardrails(GuardrailsProperties properties, Embeddings embeddings) {
        return new InputGuardrails(properties, embeddings);
    }
}
