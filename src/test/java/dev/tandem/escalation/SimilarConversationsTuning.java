package dev.tandem.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;

import dev.tandem.ai.Embeddings;

/**
 * Tuning aid, not a test: chooses the similar-conversations settings by cross-validation on the three
 * development sets (learn two, judge the English conversations of the third), the opinion on its own. The validation
 * set is not read. Run with the test class path:
 * {@code java ... dev.tandem.escalation.SimilarConversationsTuning [wording]} (wording: the other languages,
 * compared by {@link SimilarWording}).
 */
final class SimilarConversationsTuning {

    public static void main(String[] args) {
        var dev = LabelledConversation.read(new ClassPathResource("escalation/examples/dev.jsonl"));
        var dev2 = LabelledConversation.read(new ClassPathResource("escalation/examples/dev2.jsonl"));
        var dev3 = LabelledConversation.read(new ClassPathResource("escalation/examples/dev3.jsonl"));
        Embeddings embeddings = Embeddings.bundledModel();
        boolean wording = args.length > 0 && args[0].equals("wording");
        List<List<SimilarConversations.Neighbour>> neighbours = new ArrayList<>();
        List<LabelledConversation> judged = new ArrayList<>();
        // leave one set out: learn the other two, judge its English conversations (the opinion is English-only)
        List<List<LabelledConversation>> sets = List.of(dev, dev2, dev3);
        for (int out = 0; out < sets.size(); out++) {
            List<LabelledConversation> learn = new ArrayList<>();
            for (int k = 0; k < sets.size(); k++) {
                if (k != out) {
                    learn.addAll(sets.get(k));
                }
            }
            var similar = new SimilarConversations(embeddings, new SimilarConversations.Settings(25, 1, 1));
            var words = new SimilarWording();
            if (wording) {
                words.learn(SimilarConversations.judgedByWords(learn));
            } else {
                similar.learn(learn);
            }
            for (LabelledConversation c : sets.get(out).stream()
                .filter(c -> wording != "en".equals(c.language())).toList()) {
                neighbours.add(wording ? words.nearest(c.turns(), 25) : similar.nearest(c.turns(), 25));
                judged.add(c);
            }
        }
        System.out.println("k\tescalateAt\tnearest\trecall\tFPR");
        for (int k : new int[] { 3, 5, 7, 11, 15, 25 }) {
            for (double at : new double[] { 0.5, 0.6, 0.7, 0.8, 0.9 }) {
                for (double nearest : wording ? new double[] { 0.0, 0.1, 0.2, 0.3, 0.4 }
                        : new double[] { 0.0, 0.75, 0.8, 0.85, 0.9 }) {
                    var settings = new SimilarConversations.Settings(k, at, nearest);
                    int tp = 0, fp = 0, pos = 0, neg = 0;
                    for (int i = 0; i < judged.size(); i++) {
                        boolean says = SimilarConversations.vote(neighbours.get(i), settings).escalate();
                        if (judged.get(i).escalate()) {
                            pos++;
                            tp += says ? 1 : 0;
                        } else {
                            neg++;
                            fp += says ? 1 : 0;
                        }
                    }
                    System.out.println(String.format(Locale.ROOT, "%d\t%.2f\t%.2f\t%.3f\t%.3f", k, at, nearest,
                            (double) tp / pos, (double) fp / neg));
                }
            }
        }
    }
}
