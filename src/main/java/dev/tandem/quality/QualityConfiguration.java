package dev.tandem.quality;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.ai.ChatModels;
import dev.tandem.guardrails.OutputGuardrails;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.understanding.SentimentAnalysis;

/** Builds the judges as plain classes; {@code eval quality} builds the embedded one the same way, without Spring. */
@Configuration(proxyBeanMethods = false)
class QualityConfiguration {

    @Bean
    EmbeddedJudge embeddedQualityJudge(SentimentAnalysis sentiment) {
        return new EmbeddedJudge(Cues.bundled(), sentiment);
    }

    @Bean
    LlmJudge llmQualityJudge(ChatModels chat) {
        return new LlmJudge(chat);
    }

    @Bean
    SystemClaimChecks qualityClaimChecks(KnowledgeSearch knowledge, OutputGuardrails guardrails) {
        return new SystemClaimChecks(knowledge, guardrails);
    }
}
