package dev.tandem.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The learned opinion of the shipped examples, learned once when they change and shipped inside the jar
 * ({@code escalation/learned-model.bin}, with the {@link EscalationModel#fingerprintOf fingerprint} of
 * the examples, settings and feature format it was learned from in {@code learned-model.fingerprint}),
 * so that no installation spends minutes of CPU learning the same examples after its first start. A
 * start whose examples or settings differ (a customer's own {@code learned.examples}, another
 * regularisation) finds no match here and learns as before. {@code ShippedModelTest} fails when the
 * examples change without the model being rebuilt with {@link #REBUILD}.
 */
final class ShippedModel {

    static final String MODEL = "escalation/learned-model.bin";
    static final String FINGERPRINT = "escalation/learned-model.fingerprint";
    /** Rebuilds both resources from the shipped examples and settings (about a minute or two on 2 cores). */
    static final String REBUILD = "./mvnw -q test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=dev.tandem.escalation.ShipLearnedModel";

    private ShippedModel() {
    }

    /** The shipped model's bytes ({@link EscalationModel#restore}) when it was learned from what this fingerprint names. */
    static Optional<byte[]> matching(String fingerprint) {
        return fingerprint().filter(fingerprint::equals).flatMap(same -> read(MODEL));
    }

    /** What the shipped model was learned from; empty when none ships. */
    static Optional<String> fingerprint() {
        return read(FINGERPRINT).map(bytes -> new String(bytes, StandardCharsets.US_ASCII).strip());
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = ShippedModel.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }
}
