package dev.tandem.guardrails;

import java.util.EnumMap;
import java.util.Map;

import dev.tandem.ai.Embeddings;

/**
 * The learned guards that classifier rules of the output constitution ask about a reply: the same rules and
 * shipped models that screen customers' messages (injection, toxicity), each loaded the first time a rule asks
 * for it, with its own tuned threshold. A reply asked about by two rules of one kind is judged once per rule;
 * the embedding behind it is remembered ({@link Embeddings#embed}). Thread-safe.
 */
final class OutputClassifiers {

    private final Embeddings embeddings;
    private final Map<GuardKind, GuardDetector> detectors = new EnumMap<>(GuardKind.class);

    OutputClassifiers(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    GuardDetector.Judgement judge(GuardKind kind, String text) {
        GuardDetector detector;
        synchronized (detectors) {
            detector = detectors.computeIfAbsent(kind, k -> k.detector(embeddings, Double.NaN));
        }
        return detector.judge(text);
    }
}
