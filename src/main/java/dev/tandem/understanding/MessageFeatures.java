package dev.tandem.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import dev.tandem.ai.Embeddings;

/**
 * A message as the linear model sees it: its sentence embedding, then TF-IDF word and character
 * features, each block weighted. (Random Fourier features of the embedding, an RBF-kernel
 * approximation, were tried as a third block and gained nothing on Banking77.)
 */
final class MessageFeatures {

    private final FeatureWeights blocks;
    private final TextFeatures text;

    private MessageFeatures(FeatureWeights blocks, TextFeatures text) {
        this.blocks = blocks;
        this.text = text;
    }

    static MessageFeatures fit(List<String> texts, TrainingSettings settings) {
        return new MessageFeatures(settings.blocks(), TextFeatures.fit(texts, settings.charMin(), settings.charMax(), settings.stem()));
    }

    int size() {
        return Embeddings.DIMENSIONS + text.size();
    }

    int vocabularySize() {
        return text.size();
    }

    /** The weighted features, 0-based indices ascending. */
    TextFeatures.Sparse of(float[] embedding, String message) {
        TextFeatures.Sparse terms = text.vector(message);
        int dense = Embeddings.DIMENSIONS;
        int[] indices = new int[dense + terms.indices().length];
        float[] values = new float[indices.length];
        for (int d = 0; d < Embeddings.DIMENSIONS; d++) {
            indices[d] = d;
            values[d] = embedding[d] * blocks.embedding();
        }
        for (int i = 0; i < terms.indices().length; i++) {
            int term = terms.indices()[i];
            indices[dense + i] = dense + term;
            values[dense + i] = terms.values()[i] * (text.isCharFeature(term) ? blocks.chars() : blocks.words());
        }
        return new TextFeatures.Sparse(indices, values);
    }

    void write(DataOutputStream out) throws IOException {
        blocks.write(out);
        text.write(out);
    }

    static MessageFeatures read(DataInputStream in) throws IOException {
        FeatureWeights blocks = FeatureWeights.read(in);
        return new MessageFeatures(blocks, TextFeatures.read(in));
    }
}
