import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;

/**
 * How long the models that load in the background after start-up take on their own, in a fresh JVM (cold
 * classes, no JIT yet, as after a start): the embedding model (ONNX, bge-small) to its first vector, Lingua's
 * seven languages to their first detection, and embedding the demo knowledge base's passages. Wall time and the
 * process's CPU time (all threads, ONNX Runtime's native ones included) of each; on a busy machine the CPU time
 * is the figure to compare.
 *
 * <pre>
 * java -Djarmode=tools -jar target/tandem.jar extract --destination /tmp/tandem-x
 * java -cp '/tmp/tandem-x/tandem.jar:/tmp/tandem-x/lib/*' bench/ModelLoad.java
 * </pre>
 */
public class ModelLoad {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static long wall = System.nanoTime();
    private static long cpu = OS.getProcessCpuTime();

    private static String took() {
        long w = System.nanoTime(), c = OS.getProcessCpuTime();
        String s = String.format("%,d ms (CPU %,d ms)", (w - wall) / 1_000_000, (c - cpu) / 1_000_000);
        wall = w;
        cpu = c;
        return s;
    }

    public static void main(String[] args) throws Exception {
        took();
        Embeddings embeddings = Embeddings.bundledModel();
        embeddings.embed("warm up");
        System.out.printf("embedding model loaded, first vector: %s%n", took());

        LanguageDetection languages = LanguageDetection.standalone();
        languages.detect("warm up the language models");
        System.out.printf("Lingua (7 languages, high accuracy) loaded, first detection: %s%n", took());

        // the demo knowledge base's size in passages, roughly: 70 articles of a few paragraphs each
        List<String> passages = new ArrayList<>();
        var files = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
            .getResources("classpath:demo/knowledge/*.md");
        for (var file : files) {
            for (String paragraph : file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split("\n\n")) {
                if (paragraph.strip().length() > 40) {
                    passages.add(paragraph.strip());
                }
            }
        }
        took();
        embeddings.embedPassages(passages);
        System.out.printf("embedding the demo knowledge base's %d paragraphs (%d files): %s%n", passages.size(),
                files.length, took());
        System.exit(0);
    }
}
