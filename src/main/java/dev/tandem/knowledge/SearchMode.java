package dev.tandem.knowledge;

import java.util.Locale;

/** Which ranking a search uses; everything but HYBRID exists to measure the components. */
enum SearchMode {
    HYBRID,
    BM25,
    DENSE,
    /** Plain reciprocal rank fusion (k = 60, equal weights), the baseline the hybrid must beat. */
    RRF;

    static SearchMode parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + text + "': use hybrid, bm25, dense or rrf");
        }
    }
}
