package dev.tandem.answering;

import java.util.List;

/**
 * What the assistant makes of a question.
 *
 * @param kind answered, asked which of two topics, or could not answer
 * @param language the language of the reply (ISO 639-1)
 * @param text the reply without the assistant's introduction of itself
 * @param sources the passages the reply relies on, best first (the two options when clarifying)
 * @param confidence the best similarity found, for the record
 */
record Answer(Kind kind, String language, String text, List<dev.tandem.knowledge.Passage> sources,
        double confidence) {

    enum Kind {
        ANSWERED,
        CLARIFIED,
        DONT_KNOW,
        NOT_IN_LANGUAGE;

        boolean answered() {
            return this == ANSWERED;
        }
    }

    Answer {
        sources = List.copyOf(sources);
    }

    static Answer dontKnow(String language, double confidence) {
        return new Answer(Kind.DONT_KNOW, language, Phrases.in(language).dontKnow(), List.of(), confidence);
    }

    static Answer notInLanguage(String language) {
        return new Answer(Kind.NOT_IN_LANGUAGE, language, Phrases.in(language).notInLanguage(), List.of(), 0);
    }
}
