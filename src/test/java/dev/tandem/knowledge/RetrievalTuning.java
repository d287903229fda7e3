package dev.tandem.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.RetrievalEvaluation.Question;
import dev.tandem.knowledge.RetrievalSettings.Fusion;

/**
 * Parameter sweep on the TUNE split of faq-dev (never the validation split): prints every
 * configuration's MAP and P@1, best first; with split validation or all it prints only the baselines
 * and the chosen settings. Run with
 * {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.knowledge.RetrievalTuning ../shared/eval/faq-dev tune}.
 * The chosen values go to RetrievalSettings.CHOSEN.
 */
public final class RetrievalTuning {

    record Result(String name, double map, double p1) {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/eval/faq-dev");
        EvaluationSplit split = EvaluationSplit.parse(args.length > 1 ? args[1] : "tune");
        List<KnowledgeArticle> articles = RetrievalEvaluation.readArticles(folder.resolve("kb"));
        List<Question> questions = RetrievalEvaluation.readQuestions(folder.resolve("questions.jsonl"), articles)
            .stream().filter(q -> split.contains(q.text())).toList();
        Embeddings embeddings = Embeddings.bundledModel();
        Map<Boolean, KnowledgeSearch> searches = new HashMap<>();
        ChunkVectorStore vectors = ChunkVectorStore.inMemory(); // the second index reuses the first one's chunk vectors
        for (boolean titleVectors : new boolean[] { false, true }) {
            KnowledgeSearch search = new KnowledgeSearch(embeddings, vectors,
                    RetrievalSettings.CHOSEN.withVectors(titleVectors, true));
            search.putAll(articles);
            searches.put(titleVectors, search);
        }
        Map<Boolean, List<float[]>> queryVectors = new HashMap<>();
        List<String> texts = questions.stream().map(Question::text).toList();
        queryVectors.put(false, embeddings.embedPassages(texts));
        queryVectors.put(true, texts.stream().map(embeddings::embedQuery).toList());
        System.out.printf("split %s: %d questions%n", split, questions.size());

        List<Result> results = new ArrayList<>();
        RetrievalSettings base = RetrievalSettings.CHOSEN;
        RetrievalSettings plain = base.withVectors(false, true);
        // The baselines of the issue: BM25, the bundled model alone (chunk vectors, query instruction
        // as the model card says) and naive RRF of the two; then the chosen components and hybrid.
        print(run("baseline bm25", searches.get(false), questions, null, SearchMode.BM25, plain));
        print(run("baseline dense (chunk vectors, query instruction)", searches.get(false), questions,
                queryVectors.get(true), SearchMode.DENSE, plain));
        print(run("baseline naive rrf (k=60) of the two", searches.get(false), questions, queryVectors.get(true),
                SearchMode.HYBRID, plain.with(Fusion.RRF, 60, 1)));
        print(run("chosen dense component (+ title vectors, no instruction)", searches.get(true), questions,
                queryVectors.get(false), SearchMode.DENSE, base));
        print(run("chosen naive rrf (k=60) of bm25 and that dense", searches.get(true), questions,
                queryVectors.get(false), SearchMode.HYBRID, RetrievalSettings.NAIVE_RRF));
        print(run("CHOSEN hybrid " + base, searches.get(true), questions, queryVectors.get(false), SearchMode.HYBRID,
                base));
        if (split != EvaluationSplit.TUNE) {
            // Parameters are chosen on the tuning split only: no sweep here.
            return;
        }
        System.out.println("--- sweep ---");
        for (double titleBoost : new double[] { 1, 2, 4 }) {
            RetrievalSettings b = base.withBoosts(titleBoost, 1);
            results.add(run("bm25 titleBoost=" + titleBoost, searches.get(false), questions, null, SearchMode.BM25, b));
        }
        for (boolean titleVectors : new boolean[] { false, true }) {
            for (boolean instruction : new boolean[] { false, true }) {
                String v = " titleVec=" + titleVectors + " instr=" + instruction;
                KnowledgeSearch search = searches.get(titleVectors);
                List<float[]> q = queryVectors.get(instruction);
                results.add(run("dense" + v, search, questions, q, SearchMode.DENSE, base));
                results.add(run("naive-rrf" + v, search, questions, q, SearchMode.HYBRID, RetrievalSettings.NAIVE_RRF));
                for (double titleBoost : new double[] { 1, 2, 4 }) {
                    RetrievalSettings b = base.withBoosts(titleBoost, 1).withVectors(titleVectors, instruction);
                    String p = v + " titleBoost=" + titleBoost;
                    for (double k : new double[] { 1, 5, 10, 20, 60 }) {
                        for (double w : new double[] { 0.1, 0.2, 0.3, 0.5, 0.7, 1 }) {
                            results.add(run("rrf k=" + k + " w=" + w + p, search, questions, q, SearchMode.HYBRID,
                                    b.with(Fusion.RRF, k, w)));
                        }
                    }
                    for (double w : new double[] { 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5 }) {
                        results.add(run("max w=" + w + p, search, questions, q, SearchMode.HYBRID,
                                b.with(Fusion.SCORE_MAX, 60, w)));
                    }
                    for (double w : new double[] { 0.1, 0.2, 0.3, 0.5, 0.7, 1 }) {
                        results.add(run("minmax w=" + w + p, search, questions, q, SearchMode.HYBRID,
                                b.with(Fusion.SCORE_MINMAX, 60, w)));
                        results.add(run("z w=" + w + p, search, questions, q, SearchMode.HYBRID,
                                b.with(Fusion.SCORE_Z, 60, w)));
                    }
                }
            }
        }
        results.stream().filter(r -> !r.name().contains(" w=")).forEach(RetrievalTuning::print);
        System.out.println("--- best 40 ---");
        results.stream().sorted(Comparator.comparingDouble(Result::map).reversed()).limit(40)
            .forEach(RetrievalTuning::print);
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%.4f  %.4f  %s%n", r.map(), r.p1(), r.name());
    }

    private static Result run(String name, KnowledgeSearch search, List<Question> questions, List<float[]> vectors,
            SearchMode mode, RetrievalSettings settings) {
        if (vectors == null && mode != SearchMode.BM25) {
            return new Result(name + " (skipped)", 0, 0);
        }
        double ap = 0;
        double p1 = 0;
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            List<String> ranking = search.rankArticles(question.text(), vectors == null ? null : vectors.get(i), "en",
                    Audience.CUSTOMER, mode, settings, RetrievalEvaluation.RANKING_DEPTH);
            int rank = 0;
            for (int r = 0; r < ranking.size(); r++) {
                if (question.relevant().contains(ranking.get(r))) {
                    rank = r + 1;
                    break;
                }
            }
            ap += rank == 0 ? 0 : 1.0 / rank;
            p1 += rank == 1 ? 1 : 0;
        }
        return new Result(name, ap / questions.size(), p1 / questions.size());
    }
}
