package dev.tandem.escalation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.tandem.ai.Embeddings;

/**
 * The policy's learned opinion: a logistic regression over {@link ConversationFeatures}, learned from
 * conversations people labelled (the {@code eval escalation} files), that says how likely this
 * conversation needs a person, and a second one, learned from those that did, that says for which
 * reason. Word rules catch the phrasings someone wrote down; on conversations written by other people
 * they found three in five of those that needed a person, the model nine in ten (docs/architecture.md,
 * "Escalation"). It knows nothing until it has learned, or {@link #restore restored} what was learned
 * before: at start-up the model learned from the shipped examples comes with the jar ({@link ShippedModel}).
 */
final class EscalationModel {

    /** What the model makes of a conversation. */
    record Judgement(double likelihood, EscalationReason reason) {
    }

    private record Learned(ConversationFeatures features, Model needsPerson, Model reason, int examples) {
    }

    private static final double EPSILON = 0.001;
    /**
     * Bump when the features, the embedding model or the stored form change: stored and shipped models of
     * another format are learned again (and the shipped one must be rebuilt: {@link ShippedModel}).
     */
    private static final int FORMAT = 1;

    private final Embeddings embeddings;
    private final double regularisation;
    private final int businessWeight;
    private final int gramsInBusinesses;
    private volatile Learned learned;

    /**
     * @param regularisation liblinear's C: higher fits the examples more closely
     * @param businessWeight at most how many times a conversation of a business with fewer examples counts,
     *     so that every business weighs about as much as the one with the most (1: each counts once)
     * @param gramsInBusinesses a character n-gram is a feature only when the customers of at least this many
     *     businesses used it (examples without a business count as one)
     */
    EscalationModel(Embeddings embeddings, double regularisation, int businessWeight, int gramsInBusinesses) {
        this.embeddings = embeddings;
        this.regularisation = regularisation;
        this.businessWeight = Math.max(1, businessWeight);
        this.gramsInBusinesses = Math.max(1, gramsInBusinesses);
    }

    /** Learns these conversations (slow: embeds a few thousand texts); until then {@link #judge} is empty. */
    void learn(List<LabelledConversation> conversations) {
        List<List<Turn>> turns = conversations.stream().map(LabelledConversation::turns).toList();
        learn(conversations, ConversationFeatures.vectorsOf(embeddings, turns)::get);
    }

    /** Learns these conversations, whose texts' vectors are known (tuning: embedded once for many runs). */
    void learn(List<LabelledConversation> conversations, Function<String, float[]> vectors) {
        List<List<Turn>> turns = conversations.stream().map(LabelledConversation::turns).toList();
        ConversationFeatures features = ConversationFeatures.fit(embeddings, turns,
                conversations.stream().map(LabelledConversation::business).toList(), gramsInBusinesses);
        Feature[][] all = features.ofAll(turns, vectors);
        List<Feature[]> x = new ArrayList<>();
        List<Double> needsPerson = new ArrayList<>();
        List<Feature[]> escalatedX = new ArrayList<>();
        List<Double> reasons = new ArrayList<>();
        int[] copies = copies(conversations);
        for (int i = 0; i < conversations.size(); i++) {
            LabelledConversation conversation = conversations.get(i);
            EscalationReason reason = reasonOf(conversation);
            for (int copy = 0; copy < copies[i]; copy++) {
                x.add(all[i]);
                needsPerson.add(conversation.escalate() ? 1.0 : 0.0);
                if (conversation.escalate() && reason != null) {
                    escalatedX.add(all[i]);
                    reasons.add((double) reason.ordinal());
                }
            }
        }
        Model needs = train(x.toArray(Feature[][]::new), needsPerson.stream().mapToDouble(Double::doubleValue).toArray(),
                features.size());
        Model reason = reasons.stream().distinct().count() < 2 ? null
                : train(escalatedX.toArray(Feature[][]::new), reasons.stream().mapToDouble(Double::doubleValue).toArray(),
                        features.size());
        learned = new Learned(features, needs, reason, conversations.size());
    }

    /**
     * How many times each conversation counts: a business with few examples as often as fits under
     * {@link #businessWeight}, so that the opinion cannot lean on what the largest business's customers
     * talk about (conversations without a business form one group).
     */
    private int[] copies(List<LabelledConversation> conversations) {
        Map<String, Integer> sizes = new HashMap<>();
        conversations.forEach(c -> sizes.merge(String.valueOf(c.business()), 1, Integer::sum));
        int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return conversations.stream()
            .mapToInt(c -> (int) Math.min(businessWeight, Math.max(1, Math.round((double) largest / sizes.get(String.valueOf(c.business()))))))
            .toArray();
    }

    private Model train(Feature[][] x, double[] y, int size) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = size;
        problem.x = x;
        problem.y = y;
        problem.bias = 1;
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, regularisation, EPSILON));
    }

    static {
        Linear.disableDebugOutput();
    }

    /**
     * Identifies what a stored model was learned from: these conversations, the regularisation and the
     * way features are made ({@link #FORMAT}), so that a changed example file or setting learns again.
     */
    String fingerprintOf(List<LabelledConversation> conversations) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((FORMAT + "|" + regularisation + "|" + businessWeight + "|" + gramsInBusinesses + "\n").getBytes(StandardCharsets.UTF_8));
            for (LabelledConversation conversation : conversations) {
                StringBuilder line = new StringBuilder();
                conversation.turns().forEach(turn -> line.append(turn.speaker()).append(':').append(turn.text()).append('\u0000'));
                line.append(conversation.escalate()).append('|').append(conversation.reason()).append('|')
                    .append(conversation.business()).append('\n');
                digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** What it has learned, to store (compressed; about a megabyte), or null when it has not learned yet. */
    byte[] toBytes() {
        Learned known = learned;
        if (known == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(known.examples());
            known.features().write(out);
            writeModel(out, known.needsPerson());
            out.writeBoolean(known.reason() != null);
            if (known.reason() != null) {
                writeModel(out, known.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Takes up what {@link #toBytes()} stored instead of learning again. */
    void restore(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(stored)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown escalation model format " + format);
            }
            int examples = in.readInt();
            ConversationFeatures features = ConversationFeatures.read(embeddings, in);
            Model needs = readModel(in);
            Model reason = in.readBoolean() ? readModel(in) : null;
            learned = new Learned(features, needs, reason, examples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored escalation model", e);
        }
    }

    /** liblinear's own text form, which keeps the solver (and so the probabilities) with the weights. */
    private static void writeModel(DataOutputStream out, Model model) throws IOException {
        StringWriter text = new StringWriter();
        Linear.saveModel(text, model);
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static Model readModel(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return Linear.loadModel(new StringReader(new String(utf8, StandardCharsets.UTF_8)));
    }

    /** How many conversations it has learned (0: not yet). */
    int examples() {
        Learned known = learned;
        return known == null ? 0 : known.examples();
    }

    /** Embeds a text a later judgement will read, now (nothing until it has learned). */
    void prepare(String text) {
        Learned known = learned;
        if (known != null) {
            known.features().prepare(text);
        }
    }

    Optional<Judgement> judge(List<Turn> turns) {
        Learned known = learned;
        return known == null ? Optional.empty() : Optional.of(judge(known, known.features().of(turns)));
    }

    /** The judgement of a conversation whose texts' vectors are known (tuning). */
    Optional<Judgement> judge(List<Turn> turns, Function<String, float[]> vectors) {
        Learned known = learned;
        return known == null ? Optional.empty() : Optional.of(judge(known, known.features().of(turns, vectors)));
    }

    private static Judgement judge(Learned known, Feature[] x) {
        double likelihood = probabilityOf(known.needsPerson(), x, 1);
        EscalationReason reason = EscalationReason.OUT_OF_SCOPE;
        if (known.reason() != null) {
            double[] p = new double[known.reason().getNrClass()];
            Linear.predictProbability(known.reason(), x, p);
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            reason = EscalationReason.values()[known.reason().getLabels()[best]];
        }
        return new Judgement(likelihood, reason);
    }

    private static double probabilityOf(Model model, Feature[] x, int label) {
        double[] p = new double[model.getNrClass()];
        Linear.predictProbability(model, x, p);
        int[] labels = model.getLabels();
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == label) {
                return p[k];
            }
        }
        return 0;
    }

    private static EscalationReason reasonOf(LabelledConversation conversation) {
        if (conversation.reason() == null) {
            return null;
        }
        try {
            return EscalationReason.valueOf(conversation.reason().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
