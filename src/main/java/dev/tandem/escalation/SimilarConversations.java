package dev.tandem.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.tandem.ai.Embeddings;

/**
 * The policy's second opinion: the conversation compared, by the meaning of what the customer
 * wrote, with example conversations people labelled. Word rules catch the phrasings someone wrote
 * down; this catches the many more ways to say the same thing ("the harness buckle slipped while
 * she was climbing" is near "the child carrier strap snapped"). It can only add a reason, never
 * veto a rule, and it stays silent until the examples are learned (in the background at start-up).
 */
final class SimilarConversations {

    /**
     * The customer's last message: where the reason to hand over shows. Earlier ones often are a
     * routine opener ("where is my order?") that conversations which went well share too.
     */
    private static final int MESSAGES = 1;

    record Settings(int neighbours, double escalateAt, double nearestAtLeast) {
    }

    private record Example(String text, boolean escalate, String reason, float[] vector) {
    }

    private final Embeddings embeddings;
    private final Settings settings;
    private final Settings wordingSettings;
    private final SimilarWording wording = new SimilarWording();
    private volatile List<Example> examples = List.of();

    SimilarConversations(Embeddings embeddings, Settings settings) {
        this(embeddings, settings, new Settings(0, 1, 1));
    }

    /** @param wordingSettings the vote by wording, for conversations not in English (0 neighbours: off) */
    SimilarConversations(Embeddings embeddings, Settings settings, Settings wordingSettings) {
        this.embeddings = embeddings;
        this.settings = settings;
        this.wordingSettings = wordingSettings;
    }

    /**
     * Reasons that lie in the conversation's course, not in its words: a routine "where is my
     * order?" opens many conversations that later went wrong, and must not be judged by them.
     */
    private static final java.util.Set<String> COURSE_NOT_WORDS = java.util.Set.of("repetition", "out_of_scope");

    /** The examples whose decision their words can explain. */
    static List<LabelledConversation> judgedByWords(List<LabelledConversation> all) {
        return all.stream().filter(c -> !c.escalate() || c.reason() == null || !COURSE_NOT_WORDS.contains(c.reason()))
            .toList();
    }

    /** Embeds the examples (except those escalated for their course); until it is done, {@link #judge} finds nothing. */
    void learn(List<LabelledConversation> all) {
        List<LabelledConversation> conversations = judgedByWords(all);
        List<String> texts = conversations.stream().map(c -> text(c.turns())).toList();
        List<float[]> vectors = embeddings.embedPassages(texts);
        List<Example> learned = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            LabelledConversation c = conversations.get(i);
            learned.add(new Example(texts.get(i), c.escalate(), c.reason(), vectors.get(i)));
        }
        wording.learn(conversations);
        examples = List.copyOf(learned);
    }

    int size() {
        return examples.size();
    }

    /**
     * A finding when most of the nearest labelled conversations (weighted by similarity) needed a
     * person and the nearest of those is close enough; its reason is theirs.
     */
    Optional<Finding> judge(List<Turn> turns, String language) {
        if (language == null || !"en".equals(language) && wordingSettings.neighbours() == 0) {
            return Optional.empty();
        }
        // the embedding model knows English; elsewhere shared word pieces are the better guide
        boolean byMeaning = "en".equals(language);
        Settings used = byMeaning ? settings : wordingSettings;
        List<Neighbour> nearest = byMeaning ? nearest(turns, used.neighbours()) : wording.nearest(turns, used.neighbours());
        if (nearest.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = vote(nearest, used);
        if (!verdict.escalate()) {
            return Optional.empty();
        }
        EscalationReason reason = verdict.reason();
        return Optional.of(new Finding(reason, "similar-conversations",
                "Like conversations that needed a person (" + reason.words() + ").",
                reason == EscalationReason.HIGH_STAKES || reason == EscalationReason.VULNERABLE ? Priority.HIGH
                        : Priority.NORMAL,
                String.format(Locale.ROOT, "%.0f%% of the %d nearest; closest: %s", 100 * verdict.share(),
                        nearest.size(), EscalationPolicy.quote(verdict.closest()))));
    }

    /** A labelled conversation near the one judged. */
    record Neighbour(String text, boolean escalate, String reason, double similarity) {
    }

    record Verdict(boolean escalate, double share, EscalationReason reason, String closest) {
    }

    /** The {@code k} labelled conversations nearest to this one, nearest first; none before learning. */
    List<Neighbour> nearest(List<Turn> turns, int k) {
        List<Example> known = examples;
        if (known.isEmpty()) {
            return List.of();
        }
        float[] vector = embeddings.embedPassages(List.of(text(turns))).get(0);
        return known.stream()
            .map(e -> new Neighbour(e.text(), e.escalate(), e.reason(), cosine(vector, e.vector())))
            .sorted(Comparator.comparingDouble(Neighbour::similarity).reversed())
            .limit(k)
            .toList();
    }

    /**
     * Hand over when most of the neighbours' similarity comes from conversations that needed a
     * person and the nearest of those is close enough; the reason is the one with most weight.
     */
    static Verdict vote(List<Neighbour> nearest, Settings settings) {
        double all = 0;
        double escalated = 0;
        Map<String, Double> reasons = new HashMap<>();
        for (Neighbour n : nearest.subList(0, Math.min(settings.neighbours(), nearest.size()))) {
            all += n.similarity();
            if (n.escalate()) {
                escalated += n.similarity();
                reasons.merge(n.reason() == null ? "" : n.reason(), n.similarity(), Double::sum);
            }
        }
        double share = all == 0 ? 0 : escalated / all;
        Optional<Neighbour> closest = nearest.stream().filter(Neighbour::escalate).findFirst();
        boolean escalate = share >= settings.escalateAt() && closest.isPresent()
                && closest.get().similarity() >= settings.nearestAtLeast();
        EscalationReason reason = reasons.entrySet().stream().max(Map.Entry.comparingByValue())
            .map(e -> reasonOf(e.getKey())).orElse(EscalationReason.OUT_OF_SCOPE);
        return new Verdict(escalate, share, reason, closest.map(Neighbour::text).orElse(""));
    }

    private static EscalationReason reasonOf(String label) {
        try {
            return EscalationReason.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return EscalationReason.OUT_OF_SCOPE;
        }
    }

    static String text(List<Turn> turns) {
        List<String> said = turns.stream().filter(Turn::fromCustomer).map(Turn::text).collect(Collectors.toList());
        return String.join("\n", said.subList(Math.max(0, said.size() - MESSAGES), said.size()));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
