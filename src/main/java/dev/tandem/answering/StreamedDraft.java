package dev.tandem.answering;

import java.util.List;
import java.util.Optional;

import dev.tandem.answering.LlmAnswers.CitedSentence;
import dev.tandem.answering.LlmAnswers.Draft;

/**
 * The model's reply read as it streams in: which of its sentences and list items are complete so far. A
 * sentence is complete once the next one has begun, not at its full stop: its citations may still follow
 * ("… 5 business days. [1] Then …") and the full stop may not end it at all ("e.g. the"). Each complete
 * sentence can then be checked on its own while the model writes the next.
 *
 * <p>The reply is read again from its start only when a piece may have ended a sentence (a full stop, a
 * question mark, a line break): a few times per sentence, not per token, so most tokens cost an append;
 * and what is complete is always what {@link LlmAnswers#parse} would read in the whole reply.
 */
final class StreamedDraft {

    private final String language;
    private final int passageCount;
    private final StringBuilder reply = new StringBuilder();
    private List<CitedSentence> complete = List.of();
    /** A sentence may have ended since the last reading: read again at the next piece. */
    private boolean mayHaveEnded;
    private boolean unusable;

    StreamedDraft(String language, int passageCount) {
        this.language = language;
        this.passageCount = passageCount;
    }

    /**
     * Adds the next piece of the reply.
     *
     * @return the sentences this piece completed, in order (usually none)
     */
    List<CitedSentence> add(String piece) {
        reply.append(piece);
        if (unusable || !(mayHaveEnded || mayEnd(piece))) {
            return List.of();
        }
        String text = LlmAnswers.withoutFences(reply.toString());
        if (text.contains(LlmAnswers.NO_ANSWER)) {
            unusable = true;
            return List.of();
        }
        List<CitedSentence> sentences = LlmAnswers.sentences(text, language, passageCount);
        if (sentences == null || sentences.size() > LlmAnswers.MAX_SENTENCES) {
            unusable = true;
            return List.of();
        }
        int open = openAtEnd(sentences);
        int done = sentences.size() - open;
        mayHaveEnded = sentences.subList(done, sentences.size()).stream().anyMatch(s -> mayEnd(s.text()));
        if (done <= complete.size()) {
            return List.of();
        }
        List<CitedSentence> completed = List.copyOf(sentences.subList(complete.size(), done));
        complete = List.copyOf(sentences.subList(0, done));
        return completed;
    }

    /**
     * The reply cannot be used, whatever follows: the model said {@link LlmAnswers#NO_ANSWER}, cited a passage
     * it was not given, or wrote far more than asked.
     */
    boolean unusable() {
        return unusable;
    }

    /** The complete sentences so far, as a draft. */
    Draft soFar() {
        return LlmAnswers.draftOf(complete);
    }

    /** The whole reply, once the stream ended, read as {@link LlmAnswers#parse} reads it. */
    Optional<Draft> finish() {
        return unusable ? Optional.empty() : LlmAnswers.parse(reply.toString(), language, passageCount);
    }

    /**
     * How many sentences at the end may still change: the last, which may go on; and the one before each
     * that holds no word, as when the last is only the start of a citation ("[1"), which may yet belong to
     * it (the JDK's sentence breaks even cut "issued. [" into "issued", "." and "[").
     */
    private static int openAtEnd(List<CitedSentence> sentences) {
        int first = sentences.size() - 1;
        while (first > 0 && !saysAnything(sentences.get(first).text())) {
            first--;
        }
        return sentences.size() - Math.max(first, 0);
    }

    private static boolean saysAnything(String sentence) {
        return !sentence.startsWith("[") && sentence.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean mayEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '.', '!', '?', '…', '。', '！', '？', '\n', '\r' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
