package dev.tandem.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.ai.Embeddings;

/**
 * The vectors of the texts the index embeds, from the store when they were embedded before (by this
 * node or any other, at this start or an earlier one), else embedded now and stored. Embedding is
 * what makes indexing slow (64 texts/s on two cores); reading a stored vector costs microseconds.
 *
 * <p>A text is known by the SHA-256 of its exact characters, under the identity of the model's
 * passage vectors ({@link Embeddings#PASSAGE_MODEL}). The missing vectors are embedded and stored a
 * slice at a time, so a node stopped half-way through a first build keeps what it did. The store is
 * a cache: when it cannot be read or written, the vectors are embedded and the index is built all
 * the same.
 */
final class PassageVectors {

    private static final Logger log = LoggerFactory.getLogger(PassageVectors.class);

    /** Texts embedded, then stored, at a time: about four seconds of embedding on two cores. */
    private static final int SLICE = 256;

    /**
     * @param vectors one per text, in the order of the texts
     * @param reused how many distinct texts had a stored vector
     * @param embedded how many distinct texts were embedded
     */
    record Lookup(List<float[]> vectors, int reused, int embedded) {
    }

    private final Embeddings embeddings;
    private final ChunkVectorStore store;

    PassageVectors(Embeddings embeddings, ChunkVectorStore store) {
        this.embeddings = embeddings;
        this.store = store;
    }

    Lookup of(List<String> texts) {
        Map<String, String> sha256Of = new LinkedHashMap<>();
        for (String text : texts) {
            sha256Of.computeIfAbsent(text, PassageVectors::sha256);
        }
        Map<String, float[]> bySha256 = new HashMap<>();
        try {
            bySha256.putAll(store.find(Embeddings.PASSAGE_MODEL, sha256Of.values()));
        } catch (RuntimeException e) {
            log.warn("Could not read stored vectors; embedding all {} texts", sha256Of.size(), e);
        }
        List<String> missing = sha256Of.entrySet().stream()
            .filter(text -> bySha256.get(text.getValue()) == null)
            .map(Map.Entry::getKey)
            .toList();
        int reused = sha256Of.size() - missing.size();
        for (int from = 0; from < missing.size(); from += SLICE) {
            List<String> slice = missing.subList(from, Math.min(missing.size(), from + SLICE));
            List<float[]> embedded = embeddings.embedPassages(slice);
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < slice.size(); i++) {
                fresh.put(sha256Of.get(slice.get(i)), embedded.get(i));
            }
            bySha256.putAll(fresh);
            try {
                store.save(Embeddings.PASSAGE_MODEL, fresh);
            } catch (RuntimeException e) {
                log.warn("Could not store {} vectors; they will be embedded again at the next start", fresh.size(), e);
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(bySha256.get(sha256Of.get(text)));
        }
        return new Lookup(vectors, reused, missing.size());
    }

    /** The key of a text's vector: the SHA-256 of its UTF-8 bytes, in lower-case hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
