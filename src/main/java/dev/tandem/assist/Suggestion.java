package dev.tandem.assist;

import java.util.UUID;

/**
 * One suggested reply shown in the panel.
 *
 * @param kind where it comes from
 * @param source the article id, macro id or message id it was made from
 * @param label what the panel says about its origin ("From: Return an item")
 */
record Suggestion(UUID id, Kind kind, String source, String label, String text, double score) {

    enum Kind {
        KNOWLEDGE, MACRO, PAST_REPLY, GENERATED
    }

    enum Outcome {
        USED, EDITED, DISMISSED
    }
}
