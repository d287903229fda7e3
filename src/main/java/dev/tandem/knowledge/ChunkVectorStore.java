package dev.tandem.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passage vectors kept for reuse, by the identity of the model that made them
 * ({@code ai.Embeddings.PASSAGE_MODEL}) and the SHA-256 of the exact text embedded. The server keeps
 * them in the database ({@link JdbcChunkVectorStore}, shared by every node and every start); the
 * evaluation commands, which run without a database, keep them in memory for the run.
 */
interface ChunkVectorStore {

    /**
     * The stored vectors of those of {@code sha256s} that are stored (the others are left out), in
     * no particular order; looking a vector up counts as using it.
     */
    Map<String, float[]> find(String model, Collection<String> sha256s);

    /** Stores vectors; a vector already stored (another node stored the same text first) stays as it is. */
    void save(String model, Map<String, float[]> vectors);

    /** A store for one process: what the evaluation commands and plain unit tests use. */
    static ChunkVectorStore inMemory() {
        return new ChunkVectorStore() {

            private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

            @Override
            public Map<String, float[]> find(String model, Collection<String> sha256s) {
                Map<String, float[]> found = new HashMap<>();
                for (String sha256 : sha256s) {
                    float[] vector = vectors.get(model + "/" + sha256);
                    if (vector != null) {
                        found.put(sha256, vector);
                    }
                }
                return found;
            }

            @Override
            public void save(String model, Map<String, float[]> saved) {
                saved.forEach((sha256, vector) -> vectors.putIfAbsent(model + "/" + sha256, vector.clone()));
            }
        };
    }

    /** A vector as stored: its float32 values, little-endian (1,536 bytes at 384 dimensions). */
    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] vector(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
