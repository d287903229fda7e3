package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tandem.ai.Embeddings;

/** Training on a small CSV, classifying, out-of-scope detection and the stored form of a model. */
class IntentClassifierTest {

    static final Embeddings EMBEDDINGS = Embeddings.bundledModel();
    static List<IntentExample> examples;
    static IntentModelBuilder.Result trained;

    @BeforeAll
    static void train() throws IOException {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(IntentClassifierTest.class.getResourceAsStream("/intents/small.csv")),
                StandardCharsets.UTF_8)) {
            examples = IntentCsv.read(reader);
        }
        trained = new IntentModelBuilder(EMBEDDINGS, TrainingSettings.CHOSEN).build(examples,
                IntentRules.outOfScopeLabel(examples), true, (phase, done, total) -> {
                });
    }

    private IntentClassifier.Prediction classify(IntentClassifier model, String message) {
        return model.predict(EMBEDDINGS.embedPassages(List.of(message)).get(0), message);
    }

    @Test
    void labelsMessagesItWasNotTrainedOn() {
        IntentClassifier model = trained.classifier();
        assertThat(model.labels()).containsExactly("delivery", "out_of_scope", "password", "refund");
        assertThat(classify(model, "my parcel still has not been delivered").label()).isEqualTo("delivery");
        assertThat(classify(model, "I need a new password, I can't log in").label()).isEqualTo("password");
        assertThat(classify(model, "give me my money back for the boots").label()).isEqualTo("refund");
        assertThat(classify(model, "give me my money back for the boots").outOfScope()).isFalse();
    }

    @Test
    void findsMessagesThatMatchNoIntent() {
        var prediction = classify(trained.classifier(), "what is the best pizza recipe?");
        assertThat(prediction.outOfScope()).isTrue();
    }

    @Test
    void reportsAccuracyOnTheHeldOutExamples() {
        // fewer than ten examples per label: one of each is held out
        assertThat(trained.heldOutCount()).isEqualTo(4);
        assertThat(trained.heldOutAccuracy()).isNotNull().isBetween(0.0, 1.0);
    }

    @Test
    void aStoredModelScoresExactlyAsTheTrainedOne() {
        IntentClassifier model = trained.classifier();
        IntentClassifier restored = IntentClassifier.fromBytes(model.toBytes());
        float[] vector = EMBEDDINGS.embedPassages(List.of("refund for the tent please")).get(0);
        assertThat(restored.scores(vector, "refund for the tent please"))
            .containsExactly(model.scores(vector, "refund for the tent please"));
        assertThat(restored.calibration()).isEqualTo(model.calibration());
        assertThat(restored.labels()).isEqualTo(model.labels());
    }

    @Test
    void twoLabelsWork() {
        List<IntentExample> two = examples.stream().filter(e -> !e.label().equals("refund")
                && !e.label().equals("out_of_scope")).toList();
        var result = new IntentModelBuilder(EMBEDDINGS, TrainingSettings.CHOSEN).build(two, null, true,
                (phase, done, total) -> {
                });
        assertThat(classify(result.classifier(), "where is my parcel").label()).isEqualTo("delivery");
        assertThat(classify(result.classifier(), "I can't sign in, forgot my password").label()).isEqualTo("password");
    }

    @Test
    void csvIsReadWithQuotesAndCrLf() {
        List<IntentExample> read = IntentCsv.read(new StringReader(
                "text,label\r\n\"Hello, is anyone there?\",greeting\r\n\"She said \"\"hi\"\"\",greeting\r\n"));
        assertThat(read).containsExactly(new IntentExample("Hello, is anyone there?", "greeting"),
                new IntentExample("She said \"hi\"", "greeting"));
    }

    @Test
    void badFilesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> IntentCsv.read(new StringReader("sentence,intent\nhi,greeting\n")))
            .hasMessageContaining("header must be 'text,label'");
        assertThatThrownBy(() -> IntentCsv.read(new StringReader("text,label\nhi,greeting\nhello,\n")))
            .hasMessageContaining("line 3").hasMessageContaining("label is empty");
        assertThatThrownBy(() -> IntentCsv.read(new StringReader("text,label\n")))
            .hasMessageContaining("no examples");
        assertThatThrownBy(() -> IntentRules.check(examples.subList(0, 12)))
            .hasMessageContaining("at least 5 examples").hasMessageContaining("refund (4)");
        assertThatThrownBy(() -> IntentRules.check(examples.subList(0, 8)))
            .hasMessageContaining("at least 2 intent labels");
    }
}
