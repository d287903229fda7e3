package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.tandem.ai.Embeddings;

class ShippedVectorsTest {

    private static final String REBUILD = "the demo knowledge base, its chunking or the embedding model changed: run "
            + "./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.knowledge.ShipDemoVectors"
            + " and commit src/main/resources/" + ShippedVectors.LOCATION;

    @Test
    void theJarShipsExactlyTheVectorsOfTheDemoKnowledgeBaseOfTheBundledModel() {
        var shipped = ShippedVectors.bundled();
        var search = new KnowledgeSearch(Embeddings.bundledModel(), ChunkVectorStore.inMemory(), RetrievalSettings.CHOSEN);
        Set<String> needed = search.vectorKeysOf(DemoArticles.asIndexed());

        assertThat(shipped.model()).as(REBUILD).isEqualTo(Embeddings.PASSAGE_MODEL);
        assertThat(shipped.vectors().keySet()).as(REBUILD).isEqualTo(needed);
    }

    @Test
    void aShippedVectorIsTheVectorTheBundledModelGivesItsText() {
        var shipped = ShippedVectors.bundled();
        String title = DemoArticles.asIndexed().get(0).title();
        float[] now = Embeddings.bundledModel().embedPassages(List.of(title)).get(0);

        float[] stored = shipped.vectors().get(PassageVectors.sha256(title));

        assertThat(stored).as(REBUILD).isNotNull().hasSize(now.length);
        assertThat(cosine(stored, now)).as(REBUILD).isGreaterThan(0.999);
    }

    @Test
    void aStoreReadsWhatItLacksFromTheShippedVectorsAndKeepsIt() {
        var shipped = new ShippedVectors("model", Map.of("aa", new float[] { 1, 0 }, "bb", new float[] { 0, 1 }));
        Map<String, float[]> saved = new ConcurrentHashMap<>();
        var store = shipped.under(new ChunkVectorStore() {

            @Override
            public Map<String, float[]> find(String model, Collection<String> sha256s) {
                return sha256s.contains("cc") ? Map.of("cc", new float[] { 1, 1 }) : Map.of();
            }

            @Override
            public void save(String model, Map<String, float[]> vectors) {
                saved.putAll(vectors);
            }
        });

        assertThat(store.find("model", List.of("aa", "cc", "dd"))).containsOnlyKeys("aa", "cc");
        assertThat(saved).containsOnlyKeys("aa");
        assertThat(store.find("another model", List.of("bb"))).isEmpty();
    }

    @Test
    void theFileReadsBackWhatWasWritten() throws IOException {
        var written = new ShippedVectors("m", Map.of("00ff".repeat(16), new float[] { 0.5f, -1.25f }));
        var bytes = new ByteArrayOutputStream();
        written.write(bytes);

        var read = ShippedVectors.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.model()).isEqualTo("m");
        assertThat(read.vectors()).containsOnlyKeys("00ff".repeat(16));
        assertThat(read.vectors().get("00ff".repeat(16))).containsExactly(0.5f, -1.25f);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
