package dev.tandem.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.ai.Embeddings;

/**
 * Screens a customer's message: prompt injection, abuse and personal data, each with the actions its policy
 * names. Costs one sentence embedding, shared with the escalation policy and the intent classifier through the
 * embeddings' memory (the same text is embedded once), two dot products and some patterns: a few
 * milliseconds, so it runs wherever its answer is needed (the assistant's turn, the screening after a message
 * is stored) without a store in between. Thread-safe.
 */
public class InputGuardrails {

    private final boolean enabled;
    private final GuardDetector injection;
    private final GuardDetector abuse;
    private final PersonalData personalData;
    private final Map<Check, Set<GuardrailAction>> actions;

    InputGuardrails(GuardrailsProperties properties, Embeddings embeddings) {
        this.enabled = properties.enabled();
        this.injection = properties.injection().enabled()
                ? GuardKind.INJECTION.detector(embeddings, properties.injection().thresholdOrModels()) : null;
        this.abuse = properties.abuse().enabled()
                ? GuardKind.TOXICITY.detector(embeddings, properties.abuse().thresholdOrModels()) : null;
        this.personalData = new PersonalData(properties.personalData().phoneRegions());
        this.actions = Map.of(Check.PROMPT_INJECTION, properties.injection().actions(), Check.ABUSE,
                properties.abuse().actions(), Check.PERSONAL_DATA, Set.of(GuardrailAction.RECORD));
    }

    /** What the guardrails find in {@code text} and what is to be done about it. */
    public Screening screen(String text) {
        if (!enabled || text == null || text.isBlank()) {
            return Screening.CLEAR;
        }
        List<Finding> findings = new ArrayList<>(3);
        judge(injection, Check.PROMPT_INJECTION, text, findings);
        judge(abuse, Check.ABUSE, text, findings);
        List<PiiSpan> spans = personalData.find(text);
        if (!spans.isEmpty()) {
            findings.add(new Finding(Check.PERSONAL_DATA, spans.stream().map(s -> s.type().code()).distinct().toList(), 1,
                    actions.get(Check.PERSONAL_DATA)));
        }
        return findings.isEmpty() ? Screening.CLEAR : new Screening(findings);
    }

    private void judge(GuardDetector detector, Check check, String text, List<Finding> findings) {
        if (detector == null) {
            return;
        }
        GuardDetector.Judgement judgement = detector.judge(text);
        if (judgement.flagged()) {
            findings.add(new Finding(check, judgement.rules(), judgement.probability(), actions.get(check)));
        }
    }

    /**
     * The reply for {@link GuardrailAction#SAFE_REPLY}, in the customer's language ({@code guardrails/messages*.properties}),
     * English when there is none in theirs.
     */
    public String safeReply(String language) {
        java.util.Locale locale = language == null ? java.util.Locale.ROOT : java.util.Locale.forLanguageTag(language);
        return java.util.ResourceBundle.getBundle("guardrails.messages", locale,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
            .getString("safe-reply");
    }

    /** The detector the workspace and the masking of stored texts use, with the configured phone regions. */
    public PersonalData personalData() {
        return personalData;
    }
}
