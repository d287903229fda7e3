package dev.tandem.insight.dashboard;

/**
 * The figures of a set of conversations, from the sums of their rollup rows. Rates are of the conversations that
 * ended (resolved by the assistant or a person, or abandoned); null when there is nothing to divide by.
 *
 * @param open still going, reopened ones included
 * @param aiResolved resolved with the assistant alone: the claimed AI resolutions
 * @param verified verified AI resolutions in the ledger (counted once their window has passed, and uncounted by a
 *     reversal)
 * @param aiResolutionRate claimed AI resolutions of the ended conversations
 * @param verifiedRate verified AI resolutions of the ended conversations
 * @param escalated handed to a person
 * @param knowledgeGaps conversations in which the assistant could not answer a question
 * @param repeatedFacts handed-over conversations in which the customer had to repeat a fact the handoff held
 * @param repeatContacts conversations followed by another on the same topic within 7 days
 */
record Figures(long conversations, long open, long aiResolved, long verified, long humanResolved, long abandoned,
        long escalated, Double aiResolutionRate, Double verifiedRate, Double firstResponseAvgSeconds,
        Double reliefAvgSeconds, Double csatAverage, long csatResponses, long knowledgeGaps, long repeatedFacts,
        long repeatContacts) {

    static Figures of(long[] m) {
        long ended = m[3] + m[4] + m[5];
        return new Figures(m[0], m[1] + m[2], m[3], m[6], m[4], m[5], m[7], ratio(m[3], ended), ratio(m[6], ended),
                ratio(m[9], m[8]), ratio(m[11], m[10]), ratio(m[18], m[17]), m[17], m[24], m[25], m[26]);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
