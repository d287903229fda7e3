package dev.tandem.understanding;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;

import dev.tandem.ai.Embeddings;

/**
 * Trains the demo workspace's intents ({@code demo/intents.csv}) as {@link IntentTraining} would and writes
 * the model into {@code src/main/resources/intent-models/} ({@link ShippedIntentModels}), replacing the
 * models shipped before, to be committed with the CSV. Run from the repository's root:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.understanding.ShipDemoIntentModel
 * </pre>
 */
public final class ShipDemoIntentModel {

    static final String DEMO_INTENTS = "demo/intents.csv";

    private ShipDemoIntentModel() {
    }

    /** The demo's examples as an upload of the CSV reads them. */
    static List<IntentExample> demoExamples() throws IOException {
        String text = new String(new ClassPathResource(DEMO_INTENTS).getContentAsByteArray(), StandardCharsets.UTF_8);
        return IntentCsv.read(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/main/resources").resolve(ShippedIntentModels.FOLDER);
        if (!Files.isDirectory(folder.getParent())) {
            throw new IllegalArgumentException(folder.getParent() + " is not a folder: run this from the repository's root");
        }
        List<IntentExample> examples = demoExamples();
        String outOfScopeLabel = IntentRules.outOfScopeLabel(examples);
        IntentModelBuilder.Result result = new IntentModelBuilder(Embeddings.bundledModel(), TrainingSettings.CHOSEN)
            .build(examples, outOfScopeLabel, true, (phase, done, total) -> {
            });
        String fingerprint = ShippedIntentModels.fingerprintOf(examples, outOfScopeLabel);
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        byte[] model = result.classifier().toBytes();
        Files.write(folder.resolve(fingerprint + ".bin"), model);
        Files.writeString(folder.resolve(fingerprint + ".properties"), ShippedIntentModels.facts(result));
        System.out.printf("trained %d examples in %d ms (held-out accuracy %s); wrote %s (%,d bytes) and .properties%n",
                examples.size(), result.took().toMillis(), result.heldOutAccuracy(), folder.resolve(fingerprint + ".bin"),
                model.length);
    }
}
