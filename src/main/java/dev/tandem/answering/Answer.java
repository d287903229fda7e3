package dev.tandem.answering;

import java.util.List;

import dev.tandem.knowledge.Passage;

/**
 * What the assistant makes of a question.
 *
 * @param kind answered, offered articles to choose from, asked which of two topics (before choices
 *     existed), or could not answer
 * @param language the language of the reply (ISO 639-1)
 * @param text the reply without the assistant's introduction of itself
 * @param sources the passages the reply relies on, best first (the articles offered when suggesting)
 * @param confidence how likely the answer is right (0-1), for the record
 * @param evidence the passages an answer may draw on, best first (what LLM mode writes from): the
 *     answering article's passages; for a question in scope that was not answered, the best passages
 *     of the best articles; empty for a question clearly out of scope
 * @param knowledgeLanguage the language of the articles the reply relies on: the reply's own, unless the
 *     question was carried into English because no article in its language answers it
 */
record Answer(Kind kind, String language, String text, List<Passage> sources, double confidence,
        List<Passage> evidence, String knowledgeLanguage) {

    enum Kind {
        ANSWERED,
        /** Two or three articles fit and none clearly best: offered as choices. */
        SUGGESTED,
        CLARIFIED,
        DONT_KNOW,
        NOT_IN_LANGUAGE;

        boolean answered() {
            return this == ANSWERED;
        }
    }

    Answer {
        sources = List.copyOf(sources);
        evidence = List.copyOf(evidence);
    }

    Answer(Kind kind, String language, String text, List<Passage> sources, double confidence,
            List<Passage> evidence) {
        this(kind, language, text, sources, confidence, evidence, language);
    }

    Answer(Kind kind, String language, String text, List<Passage> sources, double confidence) {
        this(kind, language, text, sources, confidence, List.of());
    }

    /** The same answer in other words (LLM mode), relying on {@code cited}. */
    Answer reworded(String newText, List<Passage> cited) {
        return new Answer(kind, language, newText, cited, confidence, evidence, knowledgeLanguage);
    }

    /**
     * This answer, found in articles of another language for a question in {@code customersLanguage}: it is
     * given in the customer's language, with what the articles say quoted as they say it.
     */
    Answer givenIn(String customersLanguage) {
        String framing = switch (kind) {
            case SUGGESTED -> ChoicePhrases.in(customersLanguage).offer();
            case ANSWERED -> text;
            default -> Phrases.in(customersLanguage).dontKnow();
        };
        return new Answer(kind, customersLanguage, framing, sources, confidence, evidence, language);
    }

    /** Whether the articles it relies on are in another language than the reply. */
    boolean fromAnotherLanguage() {
        return !knowledgeLanguage.equals(language);
    }

    static Answer dontKnow(String language, double confidence) {
        return dontKnow(language, confidence, List.of());
    }

    static Answer dontKnow(String language, double confidence, List<Passage> forModel) {
        return new Answer(Kind.DONT_KNOW, language, Phrases.in(language).dontKnow(), List.of(), confidence, forModel);
    }

    static Answer suggested(String language, List<Passage> choices, double confidence, List<Passage> forModel) {
        return new Answer(Kind.SUGGESTED, language, ChoicePhrases.in(language).offer(), choices, confidence, forModel);
    }

    static Answer notInLanguage(String language) {
        return new Answer(Kind.NOT_IN_LANGUAGE, language, Phrases.in(language).notInLanguage(), List.of(), 0);
    }
}
