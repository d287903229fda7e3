package dev.tandem.ai;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    @Bean
    Embeddings embeddings() {
        return Embeddings.bundledModel();
    }

    @Bean(destroyMethod = "close")
    ChatModels chatModels(ChatProperties properties) {
        return new ChatModels(properties);
    }

    @Bean
    ChatModelHealth chatModelHealthIndicator(ChatModels chatModels) {
        return new ChatModelHealth(chatModels);
    }

    /**
     * Warms the model only after the application is ready, so that loading it (a second of CPU on a
     * small machine) neither delays start-up nor competes with it; readiness does not wait for it.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> embeddingsWarmUp(Embeddings embeddings, AiProperties properties) {
        return event -> {
            if (properties.warmUp()) {
                embeddings.warmUp();
            }
        };
    }
}
