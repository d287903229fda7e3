package dev.tandem.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Intent models trained once and shipped inside the jar, for intent sets everyone starts with (the demo
 * workspace's {@code demo/intents.csv}): a set whose examples and training settings are exactly those of a
 * shipped model takes it up in milliseconds instead of being trained (seconds of embedding on every
 * first start). A resource pair per model under {@value #FOLDER}, named by the {@link #fingerprintOf
 * fingerprint} of what it was trained from: {@code <fingerprint>.bin} ({@link IntentClassifier#toBytes()})
 * and {@code <fingerprint>.properties} (the held-out accuracy the admin page shows, and what training
 * took). Any other set is trained as before. {@code ShippedIntentModelsTest} fails when the demo's
 * examples change without the model being rebuilt with {@link #REBUILD}.
 */
final class ShippedIntentModels {

    static final String FOLDER = "intent-models/";
    static final String REBUILD = "./mvnw -q test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=dev.tandem.understanding.ShipDemoIntentModel";

    private ShippedIntentModels() {
    }

    /** The shipped model trained from exactly these examples with the training in effect, if one ships. */
    static Optional<IntentModelBuilder.Result> matching(List<IntentExample> examples, String outOfScopeLabel) {
        String fingerprint = fingerprintOf(examples, outOfScopeLabel);
        Optional<byte[]> model = read(FOLDER + fingerprint + ".bin");
        Optional<byte[]> facts = read(FOLDER + fingerprint + ".properties");
        if (model.isEmpty() || facts.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(facts.get(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String accuracy = properties.getProperty("held-out-accuracy", "");
        return Optional.of(new IntentModelBuilder.Result(IntentClassifier.fromBytes(model.get()),
                accuracy.isBlank() ? null : Double.valueOf(accuracy),
                Integer.parseInt(properties.getProperty("held-out-count", "0")),
                Duration.ofMillis(Long.parseLong(properties.getProperty("training-millis", "0")))));
    }

    /** The properties file's text for a model built here. */
    static String facts(IntentModelBuilder.Result result) {
        return "# written by ShipDemoIntentModel; what training found and took when the model was built\n"
                + "held-out-accuracy=" + (result.heldOutAccuracy() == null ? "" : result.heldOutAccuracy()) + "\n"
                + "held-out-count=" + result.heldOutCount() + "\n" + "training-millis=" + result.took().toMillis() + "\n";
    }

    /**
     * What a model is trained from: the examples in order, the out-of-scope label, the training settings
     * and held-out rules of {@link IntentModelBuilder} and the stored form ({@link IntentClassifier#FORMAT}).
     * (The embedding model is not in it: changing it means bumping the format.)
     */
    static String fingerprintOf(List<IntentExample> examples, String outOfScopeLabel) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((IntentClassifier.FORMAT + "|" + TrainingSettings.CHOSEN + "|" + IntentModelBuilder.IN_SCOPE_REJECTION
                    + "|" + IntentModelBuilder.HELD_OUT_EVERY + "|" + outOfScopeLabel + "\n").getBytes(StandardCharsets.UTF_8));
            for (IntentExample example : examples) {
                digest.update((example.text() + '\u0000' + example.label() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = ShippedIntentModels.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }
}
