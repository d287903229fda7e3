package dev.tandem.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.HybridIndex.Hit;
import dev.tandem.knowledge.RetrievalEvaluation.Question;

/**
 * Exploration on the tuning split behind the choices in docs/architecture.md ("Knowledge retrieval"):
 * article-level signals (title, title+body and body vectors; BM25 over all fields, title, body) and
 * their linear combinations, plus the questions dense search gets wrong. Args: faq-dev folder, split.
 */
public final class SignalExperiment {

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        EvaluationSplit split = EvaluationSplit.parse(args[1]);
        List<KnowledgeArticle> articles = RetrievalEvaluation.readArticles(folder.resolve("kb"));
        List<Question> questions = RetrievalEvaluation.readQuestions(folder.resolve("questions.jsonl"), articles)
            .stream().filter(q -> split.contains(q.text())).toList();
        Embeddings e = Embeddings.bundledModel();
        int n = articles.size();
        List<Chunk> full = new ArrayList<>();
        List<Chunk> titleOnly = new ArrayList<>();
        List<Chunk> bodyOnly = new ArrayList<>();
        for (KnowledgeArticle a : articles) {
            full.add(new Chunk(a.id(), a.title(), List.of(), a.body().strip(), false));
            titleOnly.add(new Chunk(a.id(), a.title(), List.of(), "", false));
            bodyOnly.add(new Chunk(a.id(), "", List.of(), a.body().strip(), false));
        }
        List<float[]> vFull = e.embedPassages(full.stream().map(Chunk::embeddingText).toList());
        List<float[]> vTitle = e.embedPassages(articles.stream().map(KnowledgeArticle::title).toList());
        List<float[]> vBody = e.embedPassages(bodyOnly.stream().map(c -> c.text()).toList());
        int[] owners = new int[n];
        for (int i = 0; i < n; i++) {
            owners[i] = i;
        }
        HybridIndex iFull = HybridIndex.build(full, vFull, owners, new EnglishAnalyzer());
        HybridIndex iTitle = HybridIndex.build(titleOnly, vTitle, owners, new EnglishAnalyzer());
        HybridIndex iBody = HybridIndex.build(bodyOnly, vBody, owners, new EnglishAnalyzer());
        int m = questions.size();
        double[][][] s = new double[6][m][];
        for (int qi = 0; qi < m; qi++) {
            String q = questions.get(qi).text();
            float[] plain = e.embedPassages(List.of(q)).get(0);
            float[] instr = e.embedQuery(q);
            s[0][qi] = iTitle.dense(plain, false);
            s[1][qi] = iFull.dense(plain, false);
            s[2][qi] = iFull.dense(instr, false);
            s[3][qi] = bm25(iFull, q, n);
            s[4][qi] = bm25(iTitle, q, n);
            s[5][qi] = bm25(iBody, q, n);
        }
        String[] names = { "cosTitle", "cosFull", "cosFullInstr", "bm25All", "bm25Title", "bm25Body" };
        int[] gold = new int[m];
        for (int qi = 0; qi < m; qi++) {
            String id = questions.get(qi).relevant().iterator().next();
            for (int a = 0; a < n; a++) {
                if (articles.get(a).id().equals(id)) {
                    gold[qi] = a;
                }
            }
        }
        for (int k = 0; k < 6; k++) {
            report(names[k], combine(s, new double[] { k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, k == 3 ? 1 : 0,
                    k == 4 ? 1 : 0, k == 5 ? 1 : 0 }), gold);
        }
        double[][] dense = combine(s, new double[] { 1, 1, 0, 0, 0, 0 });
        double[][] lex = combine(s, new double[] { 0, 0, 0, 1, 0, 0 });
        for (int q = 0; q < m; q++) {
            int rd = rank(dense[q], gold[q]);
            if (rd > 1) {
                int top = 0;
                for (int a = 0; a < n; a++) {
                    if (dense[q][a] > dense[q][top]) {
                        top = a;
                    }
                }
                System.out.printf(Locale.ROOT, "dense %d bm25 %d | %s | gold: %s | top: %s%n", rd, rank(lex[q], gold[q]),
                        questions.get(q).text(), articles.get(gold[q]).title(), articles.get(top).title());
            }
        }
        for (double wf : new double[] { 0.25, 0.5, 0.75, 1, 1.5, 2 }) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "wf=%.2f", wf));
            for (int field : new int[] { 3, 4 }) {
                for (double b : new double[] { 0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3 }) {
                    double[] w = { 1, wf, 0, 0, 0, 0 };
                    w[field] = b;
                    double[] r = metrics(combine(s, w), gold);
                    line.append(String.format(Locale.ROOT, " | %s b=%.2f %.4f/%.4f", field == 3 ? "all" : "title", b, r[0], r[1]));
                }
            }
            System.out.println(line);
        }
    }

    /** BM25 divided by the query's best BM25 score (0 when nothing matches). */
    private static double[] bm25(HybridIndex index, String q, int n) {
        double[] out = new double[n];
        List<Hit> hits = index.bm25(q, false, RetrievalSettings.CHOSEN.withBoosts(1, 1), n);
        double max = hits.isEmpty() ? 1 : hits.get(0).score();
        for (Hit h : hits) {
            out[h.chunk()] = h.score() / max;
        }
        return out;
    }

    private static double[][] combine(double[][][] s, double[] w) {
        int m = s[0].length;
        int n = s[0][0].length;
        double[][] out = new double[m][n];
        for (int q = 0; q < m; q++) {
            for (int a = 0; a < n; a++) {
                double v = 0;
                for (int k = 0; k < w.length; k++) {
                    if (w[k] != 0) {
                        v += w[k] * s[k][q][a];
                    }
                }
                out[q][a] = v;
            }
        }
        return out;
    }

    private static void report(String name, double[][] scores, int[] gold) {
        double[] r = metrics(scores, gold);
        System.out.printf(Locale.ROOT, "%.4f %.4f %s%n", r[0], r[1], name);
    }

    private static int rank(double[] scores, int gold) {
        int rank = 1;
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] > scores[gold] || (scores[a] == scores[gold] && a < gold)) {
                rank++;
            }
        }
        return rank;
    }

    private static double[] metrics(double[][] scores, int[] gold) {
        double map = 0;
        double p1 = 0;
        for (int q = 0; q < scores.length; q++) {
            int rank = 1;
            double g = scores[q][gold[q]];
            for (int a = 0; a < scores[q].length; a++) {
                if (scores[q][a] > g || (scores[q][a] == g && a < gold[q])) {
                    rank++;
                }
            }
            map += rank <= 100 ? 1.0 / rank : 0;
            p1 += rank == 1 ? 1 : 0;
        }
        return new double[] { map / scores.length, p1 / scores.length };
    }
}
