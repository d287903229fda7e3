package dev.tandem.knowledge;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.ai.Embeddings;

/**
 * A knowledge base read from a folder of Markdown files and indexed in memory, without the
 * database: what the evaluation commands run against ({@link RetrievalEvaluation#readArticles}
 * says the format).
 *
 * @param search the index, ready to search
 * @param articleIds the ids (file names without .md) of every article read
 */
public record KnowledgeFolder(KnowledgeSearch search, Set<String> articleIds) {

    /** Reads and indexes the folder; an unreadable folder or file is an IllegalArgumentException saying which. */
    public static KnowledgeFolder load(Path folder, Embeddings embeddings) {
        List<KnowledgeArticle> articles = RetrievalEvaluation.readArticles(folder);
        KnowledgeSearch search = new KnowledgeSearch(embeddings, ShippedVectors.bundled().under(ChunkVectorStore.inMemory()),
                RetrievalSettings.CHOSEN);
        search.putAll(articles);
        return new KnowledgeFolder(search,
                articles.stream().map(KnowledgeArticle::id).collect(Collectors.toUnmodifiableSet()));
    }
}
