package dev.tandem.procedures;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.tandem.knowledge.Glossary;
import dev.tandem.understanding.ClassifyIntent;
import dev.tandem.understanding.Intent;
import dev.tandem.understanding.MatchableText;

/**
 * Which procedure a message asks for. A message matches an example phrase when it holds every word of the
 * phrase in the same order, other words between allowed ("I forgot my password, can you send me a reset
 * link?" holds "send reset link"); an {@code unless} pattern vetoes ("how do I reset my password?" wants
 * the article, not a reset). Phrases are checked before intents: they are exact and cost nothing, an
 * intent costs an embedding. The first procedure (by name) that matches wins.
 *
 * <p>A message in another language that no phrase of its own matches is read again in the English words
 * of the knowledge {@link Glossary} ("Wo ist meine Bestellung?" carries into "order status"), so a
 * procedure written with English phrases starts in every language the glossary carries. A carried
 * message that asks how or when ("comment suivre ma commande ?", "quando recebo o reembolso?") wants the
 * help article, not the thing done: the glossary drops the "do I" the English vetoes look for, and
 * sometimes the question word itself ("como rastreio meu pedido?" carries into "tracking order"), so this
 * veto reads the question word in both.
 */
@Component
class Triggers {

    /** Intents start a procedure only when the model is this sure: a wrong start costs the customer a question. */
    static final double INTENT_CONFIDENCE = 0.8;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String ENGLISH = "en";
    private static final Pattern CARRIED_ASKS_HOW = Pattern.compile("^(how|when|what|why|which)\\b|\\bhow\\b");
    private static final Pattern ASKS_HOW_IN_ITS_LANGUAGE = Pattern.compile(
            "^(como|cuando|cuanto|quando|quanto|comment|quand|combien|wie|wann|come)\\b");

    private final ClassifyIntent intents;
    private final Glossary glossary = Glossary.bundled();
    private final java.util.Map<String, Pattern> vetoes = new java.util.concurrent.ConcurrentHashMap<>();

    Triggers(ClassifyIntent intents) {
        this.intents = intents;
    }

    /** The procedure an English message asks for (the try-it box, the assist panel's offer). */
    Optional<ProcedureDefinition> match(List<ProcedureDefinition> procedures, String message) {
        return match(procedures, message, ENGLISH);
    }

    /** The procedure a message in {@code language} asks for. */
    Optional<ProcedureDefinition> match(List<ProcedureDefinition> procedures, String message, String language) {
        String matchable = MatchableText.of(message);
        Optional<ProcedureDefinition> byPhrase = byPhrase(procedures, matchable)
            .or(() -> carriedIntoEnglish(message, language).flatMap(english -> byPhrase(procedures, english)));
        if (byPhrase.isPresent()) {
            return byPhrase;
        }
        if (procedures.stream().allMatch(p -> p.triggers().intents().isEmpty())) {
            return Optional.empty();
        }
        Optional<Intent> intent = intents.classify(message).filter(i -> !i.outOfScope() && i.confidence() >= INTENT_CONFIDENCE);
        return intent.flatMap(found -> procedures.stream()
            .filter(p -> !vetoed(p, matchable) && p.triggers().intents().contains(found.label()))
            .findFirst());
    }

    private Optional<ProcedureDefinition> byPhrase(List<ProcedureDefinition> procedures, String matchable) {
        List<String> words = words(matchable);
        return procedures.stream()
            .filter(procedure -> !vetoed(procedure, matchable)
                    && procedure.triggers().phrases().stream().anyMatch(phrase -> holds(words, phrase)))
            .findFirst();
    }

    private Optional<String> carriedIntoEnglish(String message, String language) {
        if (language == null || language.equals(ENGLISH)
                || ASKS_HOW_IN_ITS_LANGUAGE.matcher(MatchableText.of(message)).find()) {
            return Optional.empty();
        }
        return glossary.intoEnglish(message, language)
            .map(MatchableText::of)
            .filter(english -> !CARRIED_ASKS_HOW.matcher(english).find());
    }

    /** Which phrase matched, for the try-it box. */
    Optional<String> matchingPhrase(ProcedureDefinition procedure, String message) {
        List<String> words = words(MatchableText.of(message));
        return procedure.triggers().phrases().stream().filter(phrase -> holds(words, phrase)).findFirst();
    }

    private boolean vetoed(ProcedureDefinition procedure, String matchable) {
        return procedure.triggers().unless().stream()
            .anyMatch(pattern -> vetoes.computeIfAbsent(pattern, Pattern::compile).matcher(matchable).find());
    }

    static boolean holds(List<String> words, String phrase) {
        List<String> wanted = words(MatchableText.of(phrase));
        int at = 0;
        for (String word : words) {
            if (at < wanted.size() && word.equals(wanted.get(at))) {
                at++;
            }
        }
        return !wanted.isEmpty() && at == wanted.size();
    }

    private static List<String> words(String matchable) {
        return Arrays.stream(NON_WORD.split(matchable)).filter(w -> !w.isEmpty()).toList();
    }
}
