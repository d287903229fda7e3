package dev.tandem.knowledge;

/**
 * The knobs of hybrid retrieval. {@link #CHOSEN} holds the values picked on the tuning split of the
 * FAQ dev set (see docs/architecture.md, "Knowledge retrieval"); the others exist for the tuning
 * runs and the baselines.
 *
 * @param titleBoost BM25 weight of the title field against 1 for the text
 * @param headingBoost BM25 weight of the heading path
 * @param candidates how many chunks each component contributes to the fusion
 * @param fusion how the two rankings are combined
 * @param rrfK the k of reciprocal rank fusion (1 / (k + rank))
 * @param bm25Weight the weight of the BM25 side against 1 for the dense side
 * @param titleVectors embed each article title on its own as an extra vector of its first chunk
 * @param queryInstruction embed queries with bge's retrieval instruction
 */
record RetrievalSettings(double titleBoost, double headingBoost, int candidates, Fusion fusion, double rrfK,
        double bm25Weight, boolean titleVectors, boolean queryInstruction) {

    enum Fusion {
        /** weighted reciprocal rank fusion */
        RRF,
        /** dense cosine plus the weighted BM25 score divided by the query's best BM25 score */
        SCORE_MAX,
        /** weighted sum of both scores min-max normalised over the candidates */
        SCORE_MINMAX,
        /** weighted sum of both scores as z-scores over the candidates */
        SCORE_Z
    }

    /**
     * Chosen on the tuning split (docs/architecture.md, "Knowledge retrieval"): every article title is
     * also embedded on its own, queries are embedded without bge's instruction (question-to-question
     * matching is symmetric), and BM25 joins by reciprocal rank fusion with a small k (trust the top
     * ranks) and a fifth of the dense side's weight (it is the weaker component on paraphrases).
     */
    static final RetrievalSettings CHOSEN = new RetrievalSettings(1, 1, 100, Fusion.RRF, 5, 0.2, true, false);

    /** Textbook reciprocal rank fusion of the same two rankings: k = 60, equal weights. */
    static final RetrievalSettings NAIVE_RRF = CHOSEN.with(Fusion.RRF, 60, 1);

    RetrievalSettings with(Fusion fusion, double rrfK, double bm25Weight) {
        return new RetrievalSettings(titleBoost, headingBoost, candidates, fusion, rrfK, bm25Weight, titleVectors,
                queryInstruction);
    }

    RetrievalSettings withBoosts(double titleBoost, double headingBoost) {
        return new RetrievalSettings(titleBoost, headingBoost, candidates, fusion, rrfK, bm25Weight, titleVectors,
                queryInstruction);
    }

    RetrievalSettings withVectors(boolean titleVectors, boolean queryInstruction) {
        return new RetrievalSettings(titleBoost, headingBoost, candidates, fusion, rrfK, bm25Weight, titleVectors,
                queryInstruction);
    }
}
