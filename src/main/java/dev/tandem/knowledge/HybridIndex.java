package dev.tandem.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;

import dev.tandem.ai.EnglishWords;
import dev.tandem.knowledge.RetrievalSettings.Fusion;

/**
 * An immutable index of the chunks of one language: Lucene BM25 over title, heading path and text,
 * and exact dot-product search over the chunks' normalised vectors (a flat array; at 10k chunks a
 * full scan takes a few milliseconds, see docs/benchmarks.md, so no approximate index is needed
 * yet). A change of the knowledge base builds a new one and swaps it in.
 */
final class HybridIndex {

    /**
     * @param similarity the query's cosine similarity with the chunk's best vector, NaN when the
     *     search had no query vector: unlike the fused score it means the same across queries, which
     *     is what deciding whether the knowledge answers a question at all needs
     */
    record Hit(int chunk, double score, double similarity) {

        Hit(int chunk, double score) {
            this(chunk, score, Double.NaN);
        }
    }

    private static final String TITLE = "title";
    private static final String HEADINGS = "headings";
    private static final String TEXT = "text";
    private static final String QUESTIONS = "questions";
    private static final String ORDINAL = "ordinal";
    private static final String VISIBILITY = "visibility";
    private static final String PUBLIC = "public";
    /** Every word of a chunk as written, only lower-cased: the words spelling is corrected towards. */
    private static final String WORDS = "words";
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Shorter words have too many neighbours a letter away to correct them safely ("amex" is not "area"). */
    private static final int SHORTEST_CORRECTED = 5;
    /** Lucene refuses queries of more than 1024 clauses; a question never needs that many terms. */
    private static final int MAX_QUERY_TERMS = 200;

    private final List<Chunk> chunks;
    private final float[] vectors;
    private final int[] owners;
    private final int dimensions;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final DirectoryReader reader;
    private final int publicArticles;
    private final DirectSpellChecker spelling = spellChecker();

    /**
     * @param vectors normalised vectors, each belonging to the chunk at the same position of
     *        {@code owners}; a chunk may own several (its text and its article's title)
     */
    private HybridIndex(List<Chunk> chunks, float[] vectors, int[] owners, int dimensions, Analyzer analyzer,
            DirectoryReader reader) {
        this.chunks = chunks;
        this.vectors = vectors;
        this.owners = owners;
        this.dimensions = dimensions;
        this.analyzer = analyzer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.publicArticles = (int) chunks.stream().filter(chunk -> !chunk.internal()).map(Chunk::articleId).distinct()
            .count();
    }

    /** BM25's inverse document frequency of an analyzed term over the chunks' text: how telling a word is. */
    double rarity(String term) {
        try {
            int df = reader.docFreq(new Term(TEXT, term));
            return Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code text} with every word that is neither an English word nor one the articles use replaced by the
     * closest word the articles use (at most two edits, a swap of two letters counting as one), when there is
     * one: "whats the retrun policy" reads "whats the return policy". A typo costs both searches (BM25 misses
     * the word; the embedding reads a rarer piece) and the decision to answer, which counts the question's
     * words the best article holds. Names and words of another trade ("bitcoin") stay as they are unless an
     * article uses a word that close.
     */
    String spelledLikeTheArticles(String text) {
        Matcher words = WORD.matcher(text);
        StringBuilder spelled = new StringBuilder(text.length());
        try {
            while (words.find()) {
                String word = words.group();
                String lower = word.toLowerCase(Locale.ROOT);
                String replacement = word;
                if (lower.length() >= SHORTEST_CORRECTED && !EnglishWords.known(lower)
                        && reader.docFreq(new Term(WORDS, lower)) == 0) {
                    SuggestWord[] closest = spelling.suggestSimilar(new Term(WORDS, lower), 1, reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (closest.length > 0) {
                        replacement = closest[0].string;
                    }
                }
                words.appendReplacement(spelled, Matcher.quoteReplacement(replacement));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.appendTail(spelled);
        return spelled.toString();
    }

    /**
     * Close words only: as similar as a letter wrong in five (a missed or swapped letter in "pasword",
     * "retrun"), starting with the same two letters, so that a word of another trade is not read as a
     * different word of this one ("fleece" as "freeze", "arent" as "agent").
     */
    private static DirectSpellChecker spellChecker() {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setAccuracy(0.8f);
        checker.setMinPrefix(2);
        checker.setMinQueryLength(SHORTEST_CORRECTED);
        return checker;
    }

    boolean hasPublicChunks() {
        return publicArticles > 0;
    }

    int publicArticles() {
        return publicArticles;
    }

    static HybridIndex build(List<Chunk> chunks, List<float[]> vectors, int[] owners, Analyzer analyzer) {
        return build(chunks, java.util.Collections.nCopies(chunks.size(), ""), vectors, owners, analyzer);
    }

    /**
     * @param questions per chunk, the questions its article answers (for the article's first chunk;
     *        empty for the others): searched by keyword as part of the title
     */
    static HybridIndex build(List<Chunk> chunks, List<String> questions, List<float[]> vectors, int[] owners,
            Analyzer analyzer) {
        if (vectors.size() != owners.length) {
            throw new IllegalArgumentException("one owner per vector");
        }
        // the English vocabulary (half a second to read) loads with the index, not on a customer's first question
        EnglishWords.known("");
        int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
        float[] flat = new float[vectors.size() * dimensions];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, flat, i * dimensions, dimensions);
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        Analyzer perField = new PerFieldAnalyzerWrapper(analyzer, Map.of(WORDS, new StandardAnalyzer(CharArraySet.EMPTY_SET)));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                Document document = new Document();
                document.add(new StoredField(ORDINAL, i));
                document.add(new StringField(VISIBILITY, chunk.internal() ? "internal" : PUBLIC, Field.Store.NO));
                document.add(new TextField(TITLE, chunk.title(), Field.Store.NO));
                document.add(new TextField(HEADINGS, chunk.headings(), Field.Store.NO));
                document.add(new TextField(TEXT, chunk.text(), Field.Store.NO));
                document.add(new TextField(QUESTIONS, questions.get(i), Field.Store.NO));
                document.add(new TextField(WORDS, String.join("\n", chunk.title(), chunk.headings(), chunk.text(),
                        questions.get(i)), Field.Store.NO));
                writer.addDocument(document);
            }
            writer.commit();
            return new HybridIndex(List.copyOf(chunks), flat, owners.clone(), dimensions, analyzer,
                    DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
    }

    Chunk chunk(int index) {
        return chunks.get(index);
    }

    int size() {
        return chunks.size();
    }

    /** Chunks ranked best first, at most {@code n}. */
    List<Hit> search(String query, float[] queryVector, boolean includeInternal, SearchMode mode,
            RetrievalSettings settings, int n) {
        return switch (mode) {
            case BM25 -> bm25(query, includeInternal, settings, n);
            case DENSE -> top(dense(queryVector, includeInternal), n).stream()
                .map(hit -> new Hit(hit.chunk(), hit.score(), hit.score()))
                .toList();
            case RRF -> fuse(query, queryVector, includeInternal, RetrievalSettings.NAIVE_RRF, n);
            case HYBRID -> fuse(query, queryVector, includeInternal, settings, n);
        };
    }

    private List<Hit> fuse(String query, float[] queryVector, boolean includeInternal, RetrievalSettings settings,
            int n) {
        double[] dense = dense(queryVector, includeInternal);
        List<Hit> denseTop = top(dense, settings.candidates());
        List<Hit> bm25Top = bm25(query, includeInternal, settings, settings.candidates());
        Map<Integer, Double> fused = new HashMap<>();
        if (settings.fusion() == Fusion.RRF) {
            for (int rank = 0; rank < denseTop.size(); rank++) {
                fused.merge(denseTop.get(rank).chunk(), 1 / (settings.rrfK() + rank + 1), Double::sum);
            }
            for (int rank = 0; rank < bm25Top.size(); rank++) {
                fused.merge(bm25Top.get(rank).chunk(), settings.bm25Weight() / (settings.rrfK() + rank + 1),
                        Double::sum);
            }
        } else {
            Set<Integer> candidates = new LinkedHashSet<>();
            denseTop.forEach(hit -> candidates.add(hit.chunk()));
            Map<Integer, Double> bm25 = new HashMap<>();
            for (Hit hit : bm25Top) {
                candidates.add(hit.chunk());
                bm25.put(hit.chunk(), hit.score());
            }
            double[] d = new double[candidates.size()];
            double[] b = new double[candidates.size()];
            int i = 0;
            for (int chunk : candidates) {
                d[i] = dense[chunk];
                // A chunk BM25 did not return shares no term with the query: its BM25 score is 0.
                b[i] = bm25.getOrDefault(chunk, 0.0);
                i++;
            }
            switch (settings.fusion()) {
                case SCORE_MAX -> divideByMax(b);
                case SCORE_MINMAX -> {
                    minMax(d);
                    minMax(b);
                }
                case SCORE_Z -> {
                    zScore(d);
                    zScore(b);
                }
                default -> throw new IllegalStateException();
            }
            i = 0;
            for (int chunk : candidates) {
                fused.put(chunk, d[i] + settings.bm25Weight() * b[i]);
                i++;
            }
        }
        List<Hit> hits = new ArrayList<>(fused.size());
        fused.forEach((chunk, score) -> hits.add(new Hit(chunk, score, dense[chunk])));
        hits.sort(HybridIndex::bestFirst);
        return hits.size() > n ? List.copyOf(hits.subList(0, n)) : hits;
    }

    /** Best first; equal scores in index order, so that rankings are deterministic. */
    private static int bestFirst(Hit a, Hit b) {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : Integer.compare(a.chunk(), b.chunk());
    }

    private static void divideByMax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        if (max > 0) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] /= max;
            }
        }
    }

    private static void minMax(double[] scores) {
        double min = Arrays.stream(scores).min().orElse(0);
        double max = Arrays.stream(scores).max().orElse(0);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max > min ? (scores[i] - min) / (max - min) : 0;
        }
    }

    private static void zScore(double[] scores) {
        double mean = Arrays.stream(scores).average().orElse(0);
        double variance = Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).average().orElse(0);
        double sd = Math.sqrt(variance);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = sd > 0 ? (scores[i] - mean) / sd : 0;
        }
    }

    /** Cosine similarity of every chunk with the query (the best of its vectors); hidden chunks -inf. */
    double[] dense(float[] queryVector, boolean includeInternal) {
        double[] scores = new double[chunks.size()];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        if (queryVector == null || dimensions == 0) {
            return scores;
        }
        for (int v = 0; v < owners.length; v++) {
            int chunk = owners[v];
            if (!includeInternal && chunks.get(chunk).internal()) {
                continue;
            }
            float dot = 0;
            int offset = v * dimensions;
            for (int d = 0; d < dimensions; d++) {
                dot += vectors[offset + d] * queryVector[d];
            }
            if (dot > scores[chunk]) {
                scores[chunk] = dot;
            }
        }
        return scores;
    }

    private static List<Hit> top(double[] scores, int n) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != Double.NEGATIVE_INFINITY) {
                hits.add(new Hit(i, scores[i]));
            }
        }
        hits.sort(HybridIndex::bestFirst);
        return hits.size() > n ? List.copyOf(hits.subList(0, n)) : hits;
    }

    List<Hit> bm25(String query, boolean includeInternal, RetrievalSettings settings, int n) {
        List<String> terms = terms(query);
        if (terms.isEmpty() || n <= 0) {
            return List.of();
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        text.add(boost(fieldQuery(TITLE, terms), settings.titleBoost()), Occur.SHOULD);
        // the questions an article answers are its other titles
        text.add(boost(fieldQuery(QUESTIONS, terms), settings.titleBoost()), Occur.SHOULD);
        text.add(boost(fieldQuery(HEADINGS, terms), settings.headingBoost()), Occur.SHOULD);
        text.add(fieldQuery(TEXT, terms), Occur.SHOULD);
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(text.build(), Occur.MUST);
        if (!includeInternal) {
            filtered.add(new TermQuery(new Term(VISIBILITY, PUBLIC)), Occur.FILTER);
        }
        try {
            ScoreDoc[] docs = searcher.search(filtered.build(), n).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                int ordinal = stored.document(doc.doc, Set.of(ORDINAL)).getField(ORDINAL).numericValue().intValue();
                hits.add(new Hit(ordinal, doc.score));
            }
            hits.sort(HybridIndex::bestFirst);
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query boost(Query query, double boost) {
        return boost == 1 ? query : new BoostQuery(query, (float) boost);
    }

    private static Query fieldQuery(String field, List<String> terms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        return builder.build();
    }

    /** The query's distinct terms after the language's analysis (stemming, stop words). */
    private List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }
}
