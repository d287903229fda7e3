package dev.tandem.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.tandem.ai.Embeddings;

/**
 * Embeds the demo knowledge base as the index does and writes its vectors to
 * {@code src/main/resources/knowledge/shipped-vectors.bin} ({@link ShippedVectors}), to be committed with the
 * articles. Run from the repository's root after changing the demo articles, the chunking or the model
 * ({@code ShippedVectorsTest} says when):
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.knowledge.ShipDemoVectors
 * </pre>
 */
public final class ShipDemoVectors {

    private ShipDemoVectors() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of("src/main/resources").resolve(ShippedVectors.LOCATION);
        Map<String, float[]> embedded = new ConcurrentHashMap<>();
        ChunkVectorStore recording = new ChunkVectorStore() {

            @Override
            public Map<String, float[]> find(String model, Collection<String> sha256s) {
                return Map.of();
            }

            @Override
            public void save(String model, Map<String, float[]> vectors) {
                embedded.putAll(vectors);
            }
        };
        long started = System.nanoTime();
        var search = new KnowledgeSearch(Embeddings.bundledModel(), recording, RetrievalSettings.CHOSEN);
        var demo = DemoArticles.asIndexed();
        search.putAll(demo);
        Set<String> needed = search.vectorKeysOf(demo);
        Map<String, float[]> shipped = new HashMap<>(embedded);
        shipped.keySet().retainAll(needed);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            new ShippedVectors(Embeddings.PASSAGE_MODEL, shipped).write(out);
        }
        System.out.printf("embedded %d articles' %d texts in %.1f s; wrote %s (%,d bytes)%n", demo.size(), shipped.size(),
                (System.nanoTime() - started) / 1e9, target, Files.size(target));
        if (!shipped.keySet().equals(needed)) {
            throw new IllegalStateException("the index embedded other texts than it needs: "
                    + needed.stream().filter(key -> !shipped.containsKey(key)).collect(Collectors.toSet()));
        }
    }
}
