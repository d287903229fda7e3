package dev.tandem.procedures;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.tandem.understanding.ClassifyIntent;
import dev.tandem.understanding.Intent;
import dev.tandem.understanding.MatchableText;

/**
 * Which procedure a message asks for. A message matches an example phrase when it holds every word of the
 * phrase in the same order, other words between allowed ("I forgot my password, can you send me a reset
 * link?" holds "send reset link"); an {@code unless} pattern vetoes ("how do I reset my password?" wants
 * the article, not a reset). Phrases are checked before intents: they are exact and cost nothing, an
 * intent costs an embedding. The first procedure (by name) that matches wins.
 */
@Component
class Triggers {

    /** Intents start a procedure only when the model is this sure: a wrong start costs the customer a question. */
    static final double INTENT_CONFIDENCE = 0.8;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ClassifyIntent intents;
    private final java.util.Map<String, Pattern> vetoes = new java.util.concurrent.ConcurrentHashMap<>();

    Triggers(ClassifyIntent intents) {
        this.intents = intents;
    }

    Optional<ProcedureDefinition> match(List<ProcedureDefinition> procedures, String message) {
        String matchable = MatchableText.of(message);
        List<String> words = words(matchable);
        for (ProcedureDefinition procedure : procedures) {
            if (!vetoed(procedure, matchable) && procedure.triggers().phrases().stream().anyMatch(phrase -> holds(words, phrase))) {
                return Optional.of(procedure);
            }
        }
        if (procedures.stream().allMatch(p -> p.triggers().intents().isEmpty())) {
            return Optional.empty();
        }
        Optional<Intent> intent = intents.classify(message).filter(i -> !i.outOfScope() && i.confidence() >= INTENT_CONFIDENCE);
        return intent.flatMap(found -> procedures.stream()
            .filter(p -> !vetoed(p, matchable) && p.triggers().intents().contains(found.label()))
            .findFirst());
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
