package dev.tandem.answering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.knowledge.Glossary;
import dev.tandem.knowledge.KnowledgeSearch;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnsweringProperties.class)
class AnsweringConfiguration {

    @Bean
    GroundedAnswers groundedAnswers(KnowledgeSearch knowledge) {
        return new GroundedAnswers(knowledge, AnswerDecision.CHOSEN, Glossary.bundled());
    }

    @Bean
    ModelCoverage modelCoverage(LlmAnswers llm, GroundingCheck grounding) {
        return new ModelCoverage(llm, grounding);
    }
}
