package dev.tandem.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * How much each block of features weighs against the others. Every block is of unit length, so these set how far a linear model's regularisation lets each block speak.
 */
record FeatureWeights(float embedding, float words, float chars) {

    void write(DataOutputStream out) throws IOException {
        out.writeFloat(embedding);
        out.writeFloat(words);
        out.writeFloat(chars);
    }

    static FeatureWeights read(DataInputStream in) throws IOException {
        return new FeatureWeights(in.readFloat(), in.readFloat(), in.readFloat());
    }
}
