package dev.tandem.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.tandem.ai.Embeddings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval retrieval}: ranks the articles of a folder of Markdown files for each question of a
 * JSONL file and reports MAP, MRR, precision@1 and recall@k (docs/CONTRACT "Evaluation CLI").
 * Plain Java: no Spring context, no web server, no database.
 */
public final class RetrievalEvaluation {

    /** Depth of the ranking that MAP and MRR see: deep enough that they are not cut at k. */
    static final int RANKING_DEPTH = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Question(String text, Set<String> relevant) {
    }

    record Metrics(String mode, String split, int k, int n, double map, double mrr, double precisionAt1,
            double recallAtK) {
    }

    private RetrievalEvaluation() {
    }

    /** Runs the command; returns the exit status (0 done, 2 bad input). */
    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path kb = null;
        Path questionsFile = null;
        int k = 5;
        boolean json = false;
        SearchMode mode = SearchMode.HYBRID;
        EvaluationSplit split = EvaluationSplit.ALL;
        try {
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "--kb" -> kb = Path.of(value(options, ++i, option));
                    case "--questions" -> questionsFile = Path.of(value(options, ++i, option));
                    case "--k" -> k = positive(value(options, ++i, option));
                    case "--json" -> json = true;
                    case "--mode" -> mode = SearchMode.parse(value(options, ++i, option));
                    case "--split" -> split = EvaluationSplit.parse(value(options, ++i, option));
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (kb == null || questionsFile == null) {
                throw new IllegalArgumentException("--kb DIR and --questions FILE.jsonl are required");
            }
            List<KnowledgeArticle> articles = readArticles(kb);
            List<Question> questions = readQuestions(questionsFile, articles);
            KnowledgeSearch search = new KnowledgeSearch(Embeddings.bundledModel(), ShippedVectors.bundled().under(ChunkVectorStore.inMemory()),
                    RetrievalSettings.CHOSEN);
            long start = System.nanoTime();
            search.putAll(articles);
            err.printf(Locale.ROOT, "indexed %d articles as %d chunks in %.1f s%n", articles.size(),
                    search.chunkCount(), (System.nanoTime() - start) / 1e9);
            Metrics metrics = measure(search, questions, mode, split, k);
            out.println(json ? toJson(metrics) : table(metrics));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval retrieval: " + e.getMessage());
            err.println("usage: eval retrieval --kb DIR --questions FILE.jsonl [--k 5] [--json]"
                    + " [--mode hybrid|bm25|dense|rrf] [--split all|tune|validation]");
            return 2;
        }
    }

    static Metrics measure(KnowledgeSearch search, List<Question> questions, SearchMode mode, EvaluationSplit split,
            int k) {
        double ap = 0;
        double rr = 0;
        double p1 = 0;
        double recall = 0;
        int n = 0;
        for (Question question : questions) {
            if (!split.contains(question.text())) {
                continue;
            }
            n++;
            List<String> ranking = search.rankArticles(question.text(), "en", Audience.CUSTOMER, mode, RANKING_DEPTH);
            int found = 0;
            double precisionSum = 0;
            for (int rank = 1; rank <= ranking.size(); rank++) {
                if (question.relevant().contains(ranking.get(rank - 1))) {
                    found++;
                    precisionSum += (double) found / rank;
                    if (found == 1) {
                        rr += 1.0 / rank;
                        p1 += rank == 1 ? 1 : 0;
                    }
                    if (rank <= k) {
                        recall += 1.0 / question.relevant().size();
                    }
                }
            }
            ap += precisionSum / question.relevant().size();
        }
        double count = Math.max(1, n);
        return new Metrics(mode.name().toLowerCase(Locale.ROOT), split.name().toLowerCase(Locale.ROOT), k, n,
                ap / count, rr / count, p1 / count, recall / count);
    }

    /**
     * One article per {@code *.md} file, id = file name without .md: either first line {@code # Title},
     * or YAML front matter ({@code title}, optional {@code language}, {@code audience: internal}, and
     * {@code questions}: a list of the questions the article answers).
     */
    static List<KnowledgeArticle> readArticles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("knowledge folder not found: " + folder);
        }
        List<KnowledgeArticle> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                articles.add(readArticle(name.substring(0, name.length() - 3),
                        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n")));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + folder + ": " + e.getMessage());
        }
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no .md articles in " + folder);
        }
        return articles;
    }

    private static KnowledgeArticle readArticle(String id, String content) {
        if (content.startsWith("---\n")) {
            int end = content.indexOf("\n---", 4);
            if (end < 0) {
                throw new IllegalArgumentException(id + ".md: the front matter has no closing '---'");
            }
            Object yaml = new org.yaml.snakeyaml.Yaml().load(content.substring(4, end));
            if (!(yaml instanceof Map<?, ?> front) || !(front.get("title") instanceof String title) || title.isBlank()) {
                throw new IllegalArgumentException(id + ".md: the front matter must give a title");
            }
            int bodyStart = content.indexOf('\n', end + 4);
            String body = bodyStart < 0 ? "" : content.substring(bodyStart + 1);
            Object language = front.get("language");
            boolean internal = "internal".equals(front.get("audience"));
            List<String> questions = front.get("questions") instanceof List<?> asked
                    ? asked.stream().map(String::valueOf).toList() : List.of();
            Object translationOf = front.get("translation-of");
            return new KnowledgeArticle(id, title, body, language == null ? "en" : language.toString(), internal,
                    questions, translationOf == null ? null : translationOf.toString());
        }
        int end = content.indexOf('\n');
        String first = (end < 0 ? content : content.substring(0, end)).strip();
        if (!first.startsWith("# ") || first.substring(2).isBlank()) {
            throw new IllegalArgumentException(id + ".md: the first line must be '# Title' (or YAML front matter)");
        }
        return new KnowledgeArticle(id, first.substring(2), end < 0 ? "" : content.substring(end + 1), "en", false);
    }

    /** JSONL, one {@code {"question": "...", "relevant": ["id", ...]}} a line; blank lines skipped. */
    static List<Question> readQuestions(Path file, List<KnowledgeArticle> articles) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("questions file not found: " + file);
        }
        Set<String> ids = new HashSet<>();
        articles.forEach(article -> ids.add(article.id()));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1) + ": ";
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new IllegalArgumentException(where + "not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + "expected a JSON object");
            }
            JsonNode question = node.get("question");
            if (question == null || !question.isString() || question.asString().isBlank()) {
                throw new IllegalArgumentException(where + "\"question\" must be a non-empty string");
            }
            JsonNode relevant = node.get("relevant");
            if (relevant == null || !relevant.isArray() || relevant.isEmpty()) {
                throw new IllegalArgumentException(where + "\"relevant\" must be a non-empty array of article ids");
            }
            Set<String> relevantIds = new HashSet<>();
            for (JsonNode id : relevant) {
                if (!id.isString()) {
                    throw new IllegalArgumentException(where + "\"relevant\" must hold strings");
                }
                if (!ids.contains(id.asString())) {
                    throw new IllegalArgumentException(where + "no article '" + id.asString() + "' in the knowledge folder");
                }
                relevantIds.add(id.asString());
            }
            questions.add(new Question(question.asString(), Set.copyOf(relevantIds)));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no questions");
        }
        return questions;
    }

    private static String value(List<String> options, int i, String option) {
        if (i >= options.size() || options.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(i);
    }

    private static int positive(String text) {
        try {
            int k = Integer.parseInt(text);
            if (k > 0) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--k must be a positive whole number, not '" + text + "'");
    }

    private static String toJson(Metrics m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("task", "retrieval");
        fields.put("mode", m.mode());
        fields.put("split", m.split());
        fields.put("k", m.k());
        fields.put("n", m.n());
        fields.put("map", round(m.map()));
        fields.put("mrr", round(m.mrr()));
        fields.put("precisionAt1", round(m.precisionAt1()));
        fields.put("recallAtK", round(m.recallAtK()));
        return JSON.writeValueAsString(fields);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    private static String table(Metrics m) {
        return String.format(Locale.ROOT, """
                retrieval (%s, split %s), %d questions
                  MAP           %.4f
                  MRR           %.4f
                  precision@1   %.4f
                  recall@%-5d   %.4f""", m.mode(), m.split(), m.n(), m.map(), m.mrr(), m.precisionAt1(), m.k(),
                m.recallAtK());
    }
}
