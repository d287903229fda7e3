package dev.tandem.knowledge;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.ai.Embeddings;

/**
 * The search and where its vectors are kept. The evaluation commands build the same
 * {@link KnowledgeSearch} with {@link ChunkVectorStore#inMemory()} in place of the database.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    JdbcChunkVectorStore chunkVectorStore(JdbcClient jdbc, Clock clock, KnowledgeProperties properties) {
        return new JdbcChunkVectorStore(jdbc, clock, properties.unusedVectorsKeptFor());
    }

    @Bean
    KnowledgeSearch knowledgeSearch(Embeddings embeddings, JdbcChunkVectorStore vectors) {
        return new KnowledgeSearch(embeddings, ShippedVectors.bundled().under(vectors), RetrievalSettings.CHOSEN);
    }

    @Bean
    KnowledgeIndexStatus knowledgeIndexStatus(KnowledgeProperties properties) {
        return new KnowledgeIndexStatus(properties.indexing());
    }
}
