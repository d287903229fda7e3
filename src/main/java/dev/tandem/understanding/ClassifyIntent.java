package dev.tandem.understanding;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.tandem.ai.Embeddings;

/**
 * The intent of one message, with the model in use. Costs one sentence embedding (a few
 * milliseconds) and a sparse dot product; thread-safe, never blocks on training.
 */
@Service
public class ClassifyIntent {

    private final CurrentIntentModel current;
    private final Embeddings embeddings;

    ClassifyIntent(CurrentIntentModel current, Embeddings embeddings) {
        this.current = current;
        this.embeddings = embeddings;
    }

    /** Empty when no intent model has been trained yet. */
    public Optional<Intent> classify(String message) {
        return current.get().map(loaded -> {
            IntentClassifier.Prediction prediction = loaded.classifier()
                .predict(embeddings.embed(message), message);
            return new Intent(prediction.label(), prediction.confidence(), prediction.outOfScope());
        });
    }
}
