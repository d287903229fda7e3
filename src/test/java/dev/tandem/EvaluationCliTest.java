package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code eval retrieval} ends with a clear message and a non-zero status, before any model loads. */
class EvaluationCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path kb;

    @BeforeEach
    void knowledgeFolder() throws IOException {
        kb = Files.createDirectory(dir.resolve("kb"));
        Files.writeString(kb.resolve("001.md"), "# What is a refund?\n\nMoney back.\n");
    }

    private int eval(String... args) {
        return Evaluations.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path questions(String content) throws IOException {
        return Files.writeString(dir.resolve("q.jsonl"), content);
    }

    @Test
    void answersCountsChoicesApartAsSuggestedCorrectly() throws IOException {
        Files.writeString(kb.resolve("002.md"), "# How do I return an item?\n\nPrint the label and drop the parcel off.\n");
        Path q = questions("""
                {"question": "what is a refund", "relevant": ["001"]}
                {"question": "how to return something", "relevant": ["002"]}
                {"question": "what's the boiling point of tungsten", "relevant": []}
                """);
        assertThat(eval("answers", "--kb", kb.toString(), "--questions", q.toString(), "--json")).isZero();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("n").asInt()).isEqualTo(3);
        for (String field : List.of("answeredCorrectly", "abstainedCorrectly", "wrongAnswers", "suggestedCorrectly")) {
            assertThat(json.get(field).asDouble()).as(field).isBetween(0.0, 1.0);
        }
        assertThat(json.get("counts").has("suggestedCorrectly")).isTrue();

        out.reset();
        assertThat(eval("answers", "--kb", kb.toString(), "--questions", q.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("suggested correctly");
        assertThat(eval("answers", "--kb", kb.toString(), "--questions", q.toString(), "--suggest-at", "2")).isNotZero();
        assertThat(error()).contains("--suggest-at");
    }

    @Test
    void aMissingQuestionsFile() {
        assertThat(eval("retrieval", "--kb", kb.toString(), "--questions", dir.resolve("none.jsonl").toString()))
            .isNotZero();
        assertThat(error()).contains("questions file not found");
        assertThat(out.size()).isZero();
    }

    @Test
    void aMissingKnowledgeFolder() {
        assertThat(eval("retrieval", "--kb", dir.resolve("nope").toString(), "--questions", "q.jsonl")).isNotZero();
        assertThat(error()).contains("knowledge folder not found");
    }

    @Test
    void aLineThatIsNotJson() throws IOException {
        Path q = questions("{\"question\": \"refund?\", \"relevant\": [\"001\"]}\n{oops\n");
        assertThat(eval("retrieval", "--kb", kb.toString(), "--questions", q.toString(), "--json")).isNotZero();
        assertThat(error()).contains("line 2").contains("not valid JSON");
    }

    @Test
    void missingFields() throws IOException {
        Path q = questions("{\"relevant\": [\"001\"]}\n");
        assertThat(eval("retrieval", "--kb", kb.toString(), "--questions", q.toString())).isNotZero();
        assertThat(error()).contains("line 1").contains("\"question\"");

        questions("{\"question\": \"refund?\"}\n");
        assertThat(eval("retrieval", "--kb", kb.toString(), "--questions", q.toString())).isNotZero();
        assertThat(error()).contains("\"relevant\"");
    }

    @Test
    void anUnknownArticle() throws IOException {
        Path q = questions("{\"question\": \"refund?\", \"relevant\": [\"999\"]}\n");
        assertThat(eval("retrieval", "--kb", kb.toString(), "--questions", q.toString())).isNotZero();
        assertThat(error()).contains("no article '999'");
    }

    @Test
    void anArticleWithoutTitleLine() throws IOException {
        Files.writeString(kb.resolve("002.md"), "no title here\n");
        Path q = questions("{\"question\": \"refund?\", \"relevant\": [\"001\"]}\n");
        assertThat(eval("retrieval", "--kb", kb.toString(), "--questions", q.toString())).isNotZero();
        assertThat(error()).contains("002.md").contains("# Title");
    }

    @Test
    void assistSkipsUnanswerableQuestionsAndReportsRecallAt3() throws IOException {
        Files.writeString(kb.resolve("002.md"), "# How do I return an item?\n\nPrint the label and drop the parcel off.\n");
        Path q = questions("""
                {"question": "how do I get my money back", "relevant": ["001"]}
                {"question": "how to return something", "relevant": ["002"]}
                {"question": "what's the boiling point of tungsten", "relevant": []}
                """);
        assertThat(eval("assist", "--kb", kb.toString(), "--questions", q.toString(), "--json")).isZero();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("n").asInt()).isEqualTo(2);
        assertThat(json.get("recallAt3").asDouble()).isEqualTo(1.0); // two articles: both are always in the top three
        assertThat(eval("assist", "--kb", kb.toString())).isNotZero();
        assertThat(error()).contains("--questions");
    }

    @Test
    void badOptionsAndTasks() {
        assertThat(eval("retrieval", "--kb", kb.toString())).isNotZero();
        assertThat(error()).contains("--questions");
        assertThat(eval("retrieval", "--k", "zero")).isNotZero();
        assertThat(error()).contains("--k must be");
        assertThat(eval("retrieval", "--mode", "magic")).isNotZero();
        assertThat(eval("nonsense")).isNotZero();
        assertThat(error()).contains("unknown or not yet available task");
    }

    @Test
    void intentsWithAMissingFile() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "text,label\r\nhi,greeting\r\nbye,farewell\r\n");
        assertThat(eval("intents", "--train", train.toString(), "--test", dir.resolve("none.csv").toString(), "--json"))
            .isNotZero();
        assertThat(error()).contains("test file not found");
        assertThat(out.size()).isZero();
        assertThat(eval("intents", "--train", train.toString())).isNotZero();
        assertThat(error()).contains("--test FILE.csv");
    }

    @Test
    void intentsWithWrongColumns() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "sentence,intent\r\nhi,greeting\r\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "text,label\r\nhi,greeting\r\n");
        assertThat(eval("intents", "--train", train.toString(), "--test", test.toString())).isNotZero();
        assertThat(error()).contains("train.csv").contains("header must be 'text,label'");

        Files.writeString(train, "text,label\r\nhi,greeting\r\n\"unclosed,greeting\r\n");
        assertThat(eval("intents", "--train", train.toString(), "--test", test.toString())).isNotZero();
        assertThat(error()).contains("train.csv");

        Files.writeString(train, "text,label\r\nhi,greeting\r\nhello,greeting\r\n");
        assertThat(eval("intents", "--train", train.toString(), "--test", test.toString())).isNotZero();
        assertThat(error()).contains("at least two labels");
    }

    @Test
    void escalationFiguresPerBusinessAndLanguage() throws IOException {
        Path file = Files.writeString(dir.resolve("businesses.jsonl"), """
                {"messages": [{"author": "customer", "text": "I want to talk to a person"}], "escalate": true, "business": "telecom", "language": "en"}
                {"messages": [{"author": "customer", "text": "quiero hablar con una persona"}], "escalate": true, "business": "banking", "language": "es"}
                {"messages": [{"author": "customer", "text": "no necesito hablar con nadie, ¿a qué hora abrís?"}], "escalate": false, "business": "banking", "language": "es"}
                {"messages": [{"author": "customer", "text": "hi"}], "escalate": false}
                """);
        assertThat(eval("escalation", "--test", file.toString(), "--json")).isZero();
        var figures = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(figures.get("n").asInt()).isEqualTo(4);
        assertThat(figures.get("byBusiness").get("banking").get("n").asInt()).isEqualTo(2);
        assertThat(figures.get("byBusiness").get("telecom").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("byLanguage").get("es").get("n").asInt()).isEqualTo(2);
        assertThat(figures.get("byLanguage").has("null")).isFalse();
    }

    @Test
    void qualityAgreementOverallPerItemAndPerLanguage() throws IOException {
        Path file = Files.writeString(dir.resolve("quality.jsonl"), """
                {"messages": [{"author": "customer", "text": "where is my order?"}, {"author": "agent", "text": "Hi, I'm Sam from Acme, thanks for reaching out. I've checked it: it arrives tomorrow."}, {"author": "customer", "text": "thanks"}], "labels": {"greeted": true, "closed_properly": false, "acknowledged_feelings": null}, "language": "en"}
                {"messages": [{"author": "customer", "text": "¿dónde está mi pedido?"}, {"author": "agent", "text": "Consulte la web."}], "labels": {"greeted": false, "took_ownership": true}, "language": "es"}
                """);
        assertThat(eval("quality", "--test", file.toString(), "--json")).isZero();
        var figures = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(figures.get("n").asInt()).isEqualTo(2);
        assertThat(figures.get("agreementByItem").get("greeted").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("agreementByItem").get("took_ownership").asDouble()).isEqualTo(0.0);
        assertThat(figures.get("agreementByItem").has("acknowledged_feelings")).as("null labels are not counted").isFalse();
        assertThat(figures.get("agreement").asDouble()).isEqualTo(0.75);
        assertThat(figures.get("byLanguage").get("es").get("n").asInt()).isEqualTo(1);
    }

    @Test
    void badQualityFiles() throws IOException {
        assertThat(eval("quality", "--test", dir.resolve("none.jsonl").toString())).isNotZero();
        assertThat(error()).contains("test file not found");
        Path file = Files.writeString(dir.resolve("q.jsonl"),
                "{\"messages\": [{\"author\": \"agent\", \"text\": \"hi\"}], \"labels\": {\"greeted\": \"yes\"}}\n");
        assertThat(eval("quality", "--test", file.toString())).isNotZero();
        assertThat(error()).contains("q.jsonl line 1").contains("greeted");
        assertThat(out.size()).isZero();
    }

    @Test
    void badEscalationFiles() throws IOException {
        assertThat(eval("escalation", "--test", dir.resolve("none.jsonl").toString())).isNotZero();
        assertThat(error()).contains("test file not found");
        Path file = Files.writeString(dir.resolve("e.jsonl"),
                "{\"messages\": [{\"author\": \"customer\", \"text\": \"hi\"}], \"escalate\": false}\n"
                        + "{\"messages\": [{\"author\": \"robot\", \"text\": \"hi\"}], \"escalate\": true}\n");
        assertThat(eval("escalation", "--test", file.toString())).isNotZero();
        assertThat(error()).contains("e.jsonl line 2").contains("\"author\"");
        assertThat(out.size()).isZero();
    }

    @Test
    void evalPiiReportsRecallPrecisionAndLeaksPerType() throws IOException {
        Path file = Files.writeString(dir.resolve("pii.jsonl"), """
                {"text": "Mail me at anna.smith@example.org or call +44 20 7946 0958.", "spans": [{"start": 11, "end": 33, "type": "EMAIL_ADDRESS"}, {"start": 42, "end": 58, "type": "phone_number"}]}
                {"text": "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00", "spans": [{"start": 5, "end": 24, "type": "credit_card"}, {"start": 31, "end": 58, "type": "iban"}]}
                {"text": "Where is order NW-10482?", "spans": []}
                """);

        assertThat(eval("pii", "--test", file.toString(), "--json")).isZero();

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"recall\":1.0").contains("\"precision\":1.0").contains("\"leakRate\":0.0")
            .contains("\"n\":3").contains("\"card\"").contains("\"email\"");
    }

    @Test
    void evalPiiRefusesSpansOutsideTheText() throws IOException {
        Path file = Files.writeString(dir.resolve("pii.jsonl"), "{\"text\": \"short\", \"spans\": [{\"start\": 2, \"end\": 40, \"type\": \"email\"}]}\n");
        assertThat(eval("pii", "--test", file.toString())).isNotZero();
        assertThat(error()).contains("not within the text");
        assertThat(eval("pii", "--test", dir.resolve("none.jsonl").toString())).isNotZero();
        assertThat(error()).contains("no such file");
    }

    @Test
    void evalGuardNeedsItsOptionsAndColumns() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "sentence,class\nhello,ok\n");
        assertThat(eval("guard", "--kind", "injection", "--test", wrong.toString(), "--positive", "injection")).isNotZero();
        assertThat(error()).contains("needs the header text,label");
        assertThat(eval("guard", "--kind", "spam", "--test", wrong.toString(), "--positive", "x")).isNotZero();
        assertThat(error()).contains("--kind must be injection or toxicity");
        assertThat(eval("guard", "--kind", "toxicity", "--test", wrong.toString())).isNotZero();
        assertThat(error()).contains("usage: eval guard");
    }

    @Test
    void evalGuardCountsEveryPositiveLabel() throws IOException {
        Path file = Files.writeString(dir.resolve("abuse.csv"), """
                text,label
                you are a fucking idiot,offensive_language
                shut up bitch,hate_speech
                Where is my parcel? It was due yesterday.,neither
                """);

        assertThat(eval("guard", "--kind", "toxicity", "--test", file.toString(), "--positive",
                "hate_speech,offensive_language", "--json")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"recall\":1.0").contains("\"falsePositiveRate\":0.0")
            .contains("\"n\":3");
    }
}
