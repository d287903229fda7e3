package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import dev.tandem.ai.AiProperties;
import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import dev.tandem.escalation.EscalationPolicy;
import dev.tandem.knowledge.KnowledgeIndexStatus;

/** Ready means the assistant can serve: not before the knowledge index and the models are loaded. */
class AssistantReadinessTest {

    private final Embeddings embeddings = mock(Embeddings.class);
    private final LanguageDetection languages = mock(LanguageDetection.class);
    private final KnowledgeIndexStatus index = mock(KnowledgeIndexStatus.class);
    private final EscalationPolicy escalation = mock(EscalationPolicy.class);

    private AssistantReadiness readiness(boolean assistantOn) {
        return new AssistantReadiness(new AnsweringProperties(assistantOn, "en", 1, null, null), new AiProperties(true),
                embeddings, languages, index, escalation);
    }

    @Test
    void notReadyBeforeTheKnowledgeIndexIsBuiltAndTheModelsAreLoaded() {
        when(escalation.learnedOpinionReady()).thenReturn(true);
        when(embeddings.isReady()).thenReturn(true);
        when(languages.isLoaded()).thenReturn(true);
        var readiness = readiness(true);

        var starting = readiness.health();
        assertThat(starting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(starting.getDetails().get("waitingFor")).isEqualTo(List.of("knowledge index"));
        assertThat(readiness.awaitReady(Duration.ofMillis(100))).isFalse();

        when(index.initialIndexBuilt()).thenReturn(true);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.awaitReady(Duration.ZERO)).isTrue();
    }

    @Test
    void namesEverythingItStillWaitsFor() {
        assertThat(readiness(true).waitingFor())
            .containsExactly("knowledge index", "escalation model", "embedding model", "language models");
    }

    @Test
    void aNodeWithoutTheAssistantIsReadyWithoutModels() {
        assertThat(readiness(false).health().getStatus()).isEqualTo(Status.UP);
    }
}
