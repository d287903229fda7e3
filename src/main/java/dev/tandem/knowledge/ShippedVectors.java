package dev.tandem.knowledge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passage vectors that ship inside the jar: those of the demo knowledge base, so that a first start
 * embeds nothing (seven seconds of both cores otherwise, while the node is not ready). They are an
 * extra source under a {@link ChunkVectorStore}: a text the store lacks is looked up here by model
 * and SHA-256, and what is found is stored, so the store stays the one place every node reads.
 * {@code ShipDemoVectors} (in the tests) writes the file; {@code ShippedVectorsTest} fails when the
 * demo articles, the chunking or the model changed and it must be written again.
 *
 * <p>File format: the magic {@code TNDV}, a format version, the model identity, the dimensions, the
 * count, then per vector its 32 SHA-256 bytes and its floats, all big-endian ({@link DataOutputStream}).
 */
final class ShippedVectors {

    static final String LOCATION = "knowledge/shipped-vectors.bin";
    private static final int MAGIC = 0x544E4456; // "TNDV"
    private static final int FORMAT = 1;
    private static final Logger log = LoggerFactory.getLogger(ShippedVectors.class);

    private final String model;
    private final Map<String, float[]> bySha256;

    ShippedVectors(String model, Map<String, float[]> bySha256) {
        this.model = model;
        this.bySha256 = Map.copyOf(bySha256);
    }

    /** The vectors shipped in the jar; none when the file is missing or unreadable (a start then embeds). */
    static ShippedVectors bundled() {
        try (InputStream in = ShippedVectors.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                return new ShippedVectors("", Map.of());
            }
            return read(in);
        } catch (IOException | RuntimeException e) {
            log.warn("The shipped passage vectors ({}) could not be read; they will be embedded", LOCATION, e);
            return new ShippedVectors("", Map.of());
        }
    }

    String model() {
        return model;
    }

    Map<String, float[]> vectors() {
        return bySha256;
    }

    /** Those of {@code sha256s} shipped for {@code model}. */
    Map<String, float[]> find(String model, Collection<String> sha256s) {
        if (!this.model.equals(model) || bySha256.isEmpty()) {
            return Map.of();
        }
        Map<String, float[]> found = new HashMap<>();
        for (String sha256 : sha256s) {
            float[] vector = bySha256.get(sha256);
            if (vector != null) {
                found.put(sha256, vector);
            }
        }
        return found;
    }

    /**
     * {@code store} with these vectors under it: what the store lacks and was shipped is stored and
     * returned. A failure to store them only costs an embedding at a later start.
     */
    ChunkVectorStore under(ChunkVectorStore store) {
        return new ChunkVectorStore() {

            @Override
            public Map<String, float[]> find(String model, Collection<String> sha256s) {
                Map<String, float[]> found = new HashMap<>(store.find(model, sha256s));
                if (found.size() == sha256s.size()) {
                    return found;
                }
                Map<String, float[]> shipped = ShippedVectors.this.find(model,
                        sha256s.stream().filter(sha256 -> !found.containsKey(sha256)).toList());
                if (!shipped.isEmpty()) {
                    try {
                        store.save(model, shipped);
                    } catch (RuntimeException e) {
                        log.warn("Could not store {} shipped vectors; they are used all the same", shipped.size(), e);
                    }
                    found.putAll(shipped);
                }
                return found;
            }

            @Override
            public void save(String model, Map<String, float[]> vectors) {
                store.save(model, vectors);
            }
        };
    }

    void write(OutputStream target) throws IOException {
        var out = new DataOutputStream(new BufferedOutputStream(target));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(model);
        int dimensions = bySha256.values().stream().findFirst().map(v -> v.length).orElse(0);
        out.writeInt(dimensions);
        out.writeInt(bySha256.size());
        HexFormat hex = HexFormat.of();
        // sorted, so that the same vectors always make the same bytes (a clean diff when nothing changed)
        for (var entry : new TreeMap<>(bySha256).entrySet()) {
            out.write(hex.parseHex(entry.getKey()));
            for (float value : entry.getValue()) {
                out.writeFloat(value);
            }
        }
        out.flush();
    }

    static ShippedVectors read(InputStream source) throws IOException {
        var in = new DataInputStream(new BufferedInputStream(source));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a shipped-vectors file of format " + FORMAT);
        }
        String model = in.readUTF();
        int dimensions = in.readInt();
        int count = in.readInt();
        Map<String, float[]> vectors = new HashMap<>(count * 2);
        HexFormat hex = HexFormat.of();
        byte[] sha256 = new byte[32];
        for (int i = 0; i < count; i++) {
            in.readFully(sha256);
            float[] vector = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                vector[d] = in.readFloat();
            }
            vectors.put(hex.formatHex(sha256), vector);
        }
        return new ShippedVectors(model, vectors);
    }

    @Override
    public String toString() {
        return bySha256.size() + " vectors of " + model;
    }
}
