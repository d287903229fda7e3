package dev.tandem.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.HybridIndex.Hit;

/**
 * Hybrid search over the knowledge base: BM25 with the analyzer of the article's language, and
 * bge-small vectors, fused as {@link RetrievalSettings#CHOSEN} says. Searches are lock-free
 * reads of an immutable index per language; a change builds the affected language's index anew
 * and swaps it in. The vectors of chunks and titles come from {@link PassageVectors}: a text embedded
 * before, by any node at any start, is read from the store, not embedded again.
 */
public class KnowledgeSearch {

    /** The language of the words {@link dev.tandem.ai.EnglishWords} knows, the only one spelling is corrected in. */
    private static final String ENGLISH = "en";

    private final Embeddings embeddings;
    private final PassageVectors passageVectors;
    private final RetrievalSettings settings;
    private final MarkdownChunker chunker = MarkdownChunker.standard();

    /** Guarded by this; sorted by id so that every rebuild numbers chunks the same way. */
    private final Map<String, IndexedArticle> articles = new TreeMap<>();
    private volatile Map<String, HybridIndex> indexes = Map.of();
    /** Each indexed article's questions; swapped with the indexes, read without waiting for a rebuild. */
    private volatile Map<String, List<String>> questionsByArticle = Map.of();
    /** Original id and language to the id of its translation. */
    private volatile Map<String, String> translations = Map.of();
    private volatile Map<String, String> originalsByTranslation = Map.of();

    /** @param questionVectors one per question of the article, owned by its first chunk like the title's */
    private record IndexedArticle(KnowledgeArticle article, List<Chunk> chunks, List<float[]> vectors,
            float[] titleVector, List<float[]> questionVectors) {
    }

    /**
     * The work a change of the index took.
     *
     * @param vectorsReused distinct texts (chunks, titles) whose stored vector was used
     * @param vectorsEmbedded distinct texts that had to be embedded (and were stored)
     */
    record Indexed(int articles, int vectorsReused, int vectorsEmbedded) {
    }

    /**
     * @param vectors where vectors embedded before are kept: the database in the server
     *        ({@link KnowledgeConfiguration}), {@link ChunkVectorStore#inMemory()} in the evaluation commands
     */
    KnowledgeSearch(Embeddings embeddings, ChunkVectorStore vectors, RetrievalSettings settings) {
        this.embeddings = embeddings;
        this.passageVectors = new PassageVectors(embeddings, vectors);
        this.settings = settings;
    }

    /**
     * The passages that best answer {@code query}, best first.
     *
     * @param language ISO 639-1 code of the query; only articles in that language are searched
     * @param audience {@link Audience#CUSTOMER} never sees internal articles
     * @param k at most this many passages
     */
    public List<Passage> search(String query, String language, Audience audience, int k) {
        HybridIndex index = indexes.get(languageOf(language));
        if (index == null || query == null || query.isBlank() || k <= 0) {
            return List.of();
        }
        List<Hit> hits = index.search(query, embed(query, SearchMode.HYBRID), audience == Audience.AGENT,
                SearchMode.HYBRID, settings, k);
        List<Passage> passages = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Chunk chunk = index.chunk(hit.chunk());
            passages.add(new Passage(chunk.articleId(), chunk.title(), chunk.headingPath(), chunk.text(), hit.score(),
                    Double.isInfinite(hit.similarity()) ? Double.NaN : hit.similarity()));
        }
        return passages;
    }

    /**
     * How telling a term (as {@link SearchTerms} gives it) is in the knowledge of a language: BM25's
     * inverse document frequency over the passages; a word no passage uses is the most telling.
     */
    public double rarity(String term, String language) {
        HybridIndex index = indexes.get(languageOf(language));
        return index == null ? 0 : index.rarity(term);
    }

    /**
     * An English question with its typos corrected towards the words of the articles ("retrun" reads
     * "return"); a question in another language as it is (what a typo is there needs that language's words).
     */
    public String spelledLikeTheArticles(String question, String language) {
        HybridIndex index = ENGLISH.equals(languageOf(language)) ? indexes.get(ENGLISH) : null;
        return index == null || question == null ? question : index.spelledLikeTheArticles(question);
    }

    /** Whether customers can be answered at all: some published public article exists, in any language. */
    public boolean answersCustomers() {
        return indexes.values().stream().anyMatch(HybridIndex::hasPublicChunks);
    }

    /** Whether customers can be answered in {@code language}: some published public article is written in it. */
    public boolean answersCustomersIn(String language) {
        HybridIndex index = indexes.get(languageOf(language));
        return index != null && index.hasPublicChunks();
    }

    /** How many published public articles are written in {@code language}. */
    public int publicArticlesIn(String language) {
        HybridIndex index = indexes.get(languageOf(language));
        return index == null ? 0 : index.publicArticles();
    }

    /** Article ids best first (an article ranks by its best chunk), at most {@code n}. */
    List<String> rankArticles(String query, String language, Audience audience, SearchMode mode, int n) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return rankArticles(query, embed(query, mode), language, audience, mode, settings, n);
    }

    /** As above with a given query vector and settings: lets tuning runs embed each query once. */
    List<String> rankArticles(String query, float[] queryVector, String language, Audience audience, SearchMode mode,
            RetrievalSettings settings, int n) {
        HybridIndex index = indexes.get(languageOf(language));
        if (index == null) {
            return List.of();
        }
        List<Hit> hits = index.search(query, queryVector, audience == Audience.AGENT, mode, settings,
                index.size());
        Set<String> ranked = new LinkedHashSet<>();
        for (Hit hit : hits) {
            ranked.add(index.chunk(hit.chunk()).articleId());
            if (ranked.size() == n) {
                break;
            }
        }
        return List.copyOf(ranked);
    }

    private float[] embed(String query, SearchMode mode) {
        if (mode == SearchMode.BM25) {
            return null;
        }
        boolean instruction = mode == SearchMode.RRF ? RetrievalSettings.NAIVE_RRF.queryInstruction()
                : settings.queryInstruction();
        return instruction ? embeddings.embedQuery(query) : embeddings.embed(query);
    }

    /** Adds or replaces articles; returns when they are searchable. */
    synchronized Indexed putAll(Collection<KnowledgeArticle> changed) {
        List<Chunk> chunks = new ArrayList<>();
        Map<KnowledgeArticle, List<Chunk>> chunksOf = new HashMap<>();
        for (KnowledgeArticle article : changed) {
            List<Chunk> of = chunker.chunk(article);
            chunksOf.put(article, of);
            chunks.addAll(of);
        }
        List<String> texts = new ArrayList<>(chunks.stream().map(Chunk::embeddingText).toList());
        if (settings.titleVectors()) {
            changed.forEach(article -> texts.add(article.title()));
        }
        int questionsFrom = texts.size();
        changed.forEach(article -> texts.addAll(article.questions()));
        PassageVectors.Lookup lookup = passageVectors.of(texts);
        List<float[]> vectors = lookup.vectors();
        int next = 0;
        int titles = chunks.size();
        int questions = questionsFrom;
        Set<String> languages = new LinkedHashSet<>();
        for (KnowledgeArticle article : changed) {
            List<Chunk> of = chunksOf.get(article);
            List<float[]> own = vectors.subList(next, next + of.size());
            next += of.size();
            float[] title = settings.titleVectors() ? vectors.get(titles++) : null;
            List<float[]> asked = List.copyOf(vectors.subList(questions, questions + article.questions().size()));
            questions += article.questions().size();
            IndexedArticle previous = articles.put(article.id(),
                    new IndexedArticle(article, of, List.copyOf(own), title, asked));
            if (previous != null) {
                languages.add(previous.article().language());
            }
            languages.add(article.language());
        }
        rebuild(languages);
        return new Indexed(changed.size(), lookup.reused(), lookup.embedded());
    }

    /**
     * Loads what indexing needs (the chunker, Lucene, the English vocabulary: seconds of a cold JVM) by indexing a
     * sample into a throwaway index, without touching this one. For a start on an empty knowledge base, whose
     * articles arrive later (a first start's demo import), so that indexing them is not the slow first time.
     */
    void prepare() {
        List<Chunk> sample = chunker.chunk(new KnowledgeArticle("warm-up", "Getting started",
                "Welcome. This paragraph is indexed once, to load what indexing needs.", "en", false, List.of(), null));
        int[] owners = new int[sample.size()];
        Arrays.setAll(owners, i -> i);
        HybridIndex.build(sample, sample.stream().map(chunk -> new float[Embeddings.DIMENSIONS]).toList(),
                owners, Analyzers.forLanguage("en"));
    }

    /**
     * The keys ({@link PassageVectors#sha256}) of every vector indexing these articles needs: what
     * must stay stored while they are published.
     */
    Set<String> vectorKeysOf(Collection<KnowledgeArticle> articles) {
        Set<String> keys = new HashSet<>();
        for (KnowledgeArticle article : articles) {
            chunker.chunk(article).forEach(chunk -> keys.add(PassageVectors.sha256(chunk.embeddingText())));
            if (settings.titleVectors()) {
                keys.add(PassageVectors.sha256(article.title()));
            }
            article.questions().forEach(question -> keys.add(PassageVectors.sha256(question)));
        }
        return keys;
    }

    synchronized void remove(String articleId) {
        IndexedArticle removed = articles.remove(articleId);
        if (removed != null) {
            rebuild(Set.of(removed.article().language()));
        }
    }

    private void rebuild(Set<String> languages) {
        Map<String, HybridIndex> next = new HashMap<>(indexes);
        for (String language : languages) {
            List<Chunk> chunks = new ArrayList<>();
            List<String> questions = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (IndexedArticle indexed : articles.values()) {
                if (!indexed.article().language().equals(language)) {
                    continue;
                }
                int first = chunks.size();
                for (int i = 0; i < indexed.chunks().size(); i++) {
                    owners.add(chunks.size());
                    chunks.add(indexed.chunks().get(i));
                    questions.add(i == 0 ? String.join("\n", indexed.article().questions()) : "");
                    vectors.add(indexed.vectors().get(i));
                }
                if (!indexed.chunks().isEmpty()) {
                    // a question the article answers matches a customer's question as its title does
                    for (float[] question : indexed.questionVectors()) {
                        owners.add(first);
                        vectors.add(question);
                    }
                }
                if (indexed.titleVector() != null) {
                    // The title on its own matches a question phrased like it; it counts for the
                    // article's first chunk, which is where an article introduces its subject.
                    owners.add(first);
                    vectors.add(indexed.titleVector());
                }
            }
            if (chunks.isEmpty()) {
                next.remove(language);
            } else {
                int[] ownerArray = owners.stream().mapToInt(Integer::intValue).toArray();
                next.put(language,
                        HybridIndex.build(chunks, questions, vectors, ownerArray, Analyzers.forLanguage(language)));
            }
        }
        Map<String, List<String>> asked = new HashMap<>();
        Map<String, String> translated = new HashMap<>();
        Map<String, String> originals = new HashMap<>();
        articles.forEach((id, indexed) -> {
            asked.put(id, indexed.article().questions());
            KnowledgeArticle article = indexed.article();
            if (article.translationOf() != null && !article.internal()) {
                translated.put(article.translationOf() + '\u0000' + article.language(), id);
                originals.put(id, article.translationOf());
            }
        });
        questionsByArticle = Map.copyOf(asked);
        translations = Map.copyOf(translated);
        originalsByTranslation = Map.copyOf(originals);
        indexes = Map.copyOf(next);
    }

    /** The public article that translates {@code articleId} into {@code language}, if one is indexed. */
    public Optional<String> translationOf(String articleId, String language) {
        return Optional.ofNullable(translations.get(articleId + '\u0000' + languageOf(language)));
    }

    /** The id of the article {@code articleId} translates, if it is a translation. */
    public Optional<String> originalOf(String articleId) {
        return Optional.ofNullable(originalsByTranslation.get(articleId));
    }

    /** The questions an indexed article answers (curated and learned), none when it is not indexed. */
    public List<String> questionsOf(String articleId) {
        return questionsByArticle.getOrDefault(articleId, List.of());
    }

    int chunkCount() {
        return indexes.values().stream().mapToInt(HybridIndex::size).sum();
    }

    private static String languageOf(String language) {
        return new KnowledgeArticle("", "", "", language, false).language();
    }
}
