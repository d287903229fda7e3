package dev.tandem.escalation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Learns the shipped examples with the bundled rules file's settings and writes the model and its
 * fingerprint into {@code src/main/resources/escalation/} ({@link ShippedModel}), to be committed with the
 * examples. Run from the repository's root, after changing the examples, the {@code learned} settings or
 * the features:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.escalation.ShipLearnedModel
 * </pre>
 *
 * An optional argument names another resources folder than {@code src/main/resources}.
 */
public final class ShipLearnedModel {

    private ShipLearnedModel() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/main/resources");
        Path model = resources.resolve(ShippedModel.MODEL);
        Path fingerprintFile = resources.resolve(ShippedModel.FINGERPRINT);
        if (!Files.isDirectory(model.getParent())) {
            throw new IllegalArgumentException(model.getParent() + " is not a folder: run this from the repository's root");
        }
        var policy = new EscalationPolicy(EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true,
                new SentimentAnalysis(), new EntityExtraction(), Embeddings.bundledModel());
        List<LabelledConversation> examples = policy.examples();
        String fingerprint = policy.model().fingerprintOf(examples);
        long started = System.nanoTime();
        policy.model().learn(examples);
        byte[] bytes = policy.model().toBytes();
        Files.write(model, bytes);
        Files.writeString(fingerprintFile, fingerprint + "\n", StandardCharsets.US_ASCII);
        System.out.printf("learned %d examples in %.1f s; wrote %s (%,d bytes) and %s (%s)%n", examples.size(),
                (System.nanoTime() - started) / 1e9, model, bytes.length, fingerprintFile, fingerprint);
    }
}
