package dev.tandem.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/**
 * Readiness waits for the embedding and language models, so with warm-up on they start loading when their beans
 * are created (during the context refresh), not once the application is ready; with it off, not before first use.
 */
class ModelsLoadWhileStartingTest {

    @Test
    void theEmbeddingModelLoadsFromTheMomentItsBeanExists() {
        Embeddings embeddings = new AiConfiguration().embeddings(new AiProperties(true));
        eventually(embeddings::isReady);
    }

    @Test
    void theLanguageModelsLoadFromTheMomentTheirBeanExists() {
        LanguageDetection languages = new LanguageDetection(new AiProperties(true));
        eventually(languages::isLoaded);
    }

    @Test
    void withoutWarmUpNothingLoadsBeforeFirstUse() throws InterruptedException {
        Embeddings embeddings = new AiConfiguration().embeddings(new AiProperties(false));
        LanguageDetection languages = new LanguageDetection(new AiProperties(false));
        Thread.sleep(200);
        assertThat(embeddings.isReady()).isFalse();
        assertThat(languages.isLoaded()).isFalse();
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("loaded within 120 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
