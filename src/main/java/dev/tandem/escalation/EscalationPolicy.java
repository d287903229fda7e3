package dev.tandem.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.SearchTerms;
import dev.tandem.understanding.Entity;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.MatchableText;
import dev.tandem.understanding.Sentiment;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Decides, after each customer message, whether the conversation should go to a person, and says
 * why in words. Reasons: the customer asks for a person (also indirectly, in any supported
 * language, or with a "yes" to the assistant's offer); frustration high or rising; the answers do
 * not help (the same question again, "that didn't help", two turns the assistant could not answer);
 * high stakes (fraud, a hacked account, legal threats and regulators, safety, large disputes,
 * cancelling an account); a vulnerable customer (bereavement, crisis, hardship). The rules are data
 * ({@link EscalationRules}); this class applies them.
 */
@Service
public class EscalationPolicy {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final int EVIDENCE_LENGTH = 80;
    /** How a transcript's assistant turn names its source ("Source: Return an item"). */
    private static final Pattern CITES = Pattern.compile("\\b(source|fuente|quelle|bron|fonte|sources?)\\s*:",
            Pattern.CASE_INSENSITIVE);
    /** A word of four letters or more in capitals. */
    private static final Pattern STRESSED = Pattern.compile("\\b\\p{Lu}{4,}\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private final EscalationRules rules;
    /** Off, only a customer's request for a person hands over. */
    private final boolean enabled;
    /** The opinion learned from labelled examples; null when switched off. */
    private final EscalationModel model;
    /** Findings the model may not veto: a customer's request for a person, a hint of crisis. */
    private final Set<String> neverVetoed;
    private final List<WordRule> wordRules;
    private final List<Pattern> yesToOffer;
    private final List<Pattern> declines;
    private final List<Pattern> resolved;
    private final List<Pattern> aiOfferedPerson;
    private final List<Pattern> aiCouldNotAnswer;
    private final List<Pattern> notHelped;
    private final List<Pattern> disputeWords;
    private final SentimentAnalysis sentiment;
    private final EntityExtraction entities;
    /**
     * What the word rules found in a message, by its matchable text. Every turn reads the whole conversation
     * again; without this a conversation of n customer messages costs n² rule scans, and the rules are most
     * of an assistant's turn in a long one.
     */
    private final Cache<String, List<WordRule.Match>> readMessages = Caffeine.newBuilder().maximumSize(20_000).build();
    /** See {@link #learnedOpinionReady()}. */
    private volatile boolean learnedOpinionSettled;
    private volatile String learnedOpinionFrom;

    @Autowired
    EscalationPolicy(EscalationProperties properties, SentimentAnalysis sentiment, EntityExtraction entities,
            Embeddings embeddings) {
        this(EscalationRules.load(new DefaultResourceLoader().getResource(properties.rulesFile())), properties.enabled(),
                sentiment, entities, embeddings);
        if (!properties.learnFromExamples()) {
            learnedOpinionSettled();
        }
    }

    EscalationPolicy(EscalationRules rules, boolean enabled, SentimentAnalysis sentiment, EntityExtraction entities) {
        this(rules, enabled, sentiment, entities, null);
    }

    EscalationPolicy(EscalationRules rules, boolean enabled, SentimentAnalysis sentiment, EntityExtraction entities,
            Embeddings embeddings) {
        this.rules = rules;
        this.enabled = enabled;
        this.model = embeddings == null || !rules.learned().on() ? null
                : new EscalationModel(embeddings, rules.learned().regularisation(), rules.learned().businessWeight(),
                        rules.learned().gramsInBusinesses());
        this.learnedOpinionSettled = model == null;
        Set<String> alwaysCount = new HashSet<>(Set.of("yes-to-offer"));
        rules.rules().stream()
            .filter(rule -> rule.reason() == EscalationReason.PERSON_REQUEST || "crisis".equals(rule.holdingMessage()))
            .forEach(rule -> alwaysCount.add(rule.name()));
        this.neverVetoed = Set.copyOf(alwaysCount);
        this.sentiment = sentiment;
        this.entities = entities;
        this.wordRules = rules.rules().stream().map(WordRule::new).toList();
        this.yesToOffer = compile("yes-to-offer", rules.yesToOffer());
        this.declines = compile("declines", rules.declines());
        this.resolved = compile("resolved", rules.resolved());
        this.aiOfferedPerson = compile("ai-offered-person", rules.aiOfferedPerson());
        this.aiCouldNotAnswer = compile("ai-could-not-answer", rules.aiCouldNotAnswer());
        this.notHelped = compile("repetition.not-helped", rules.repetition().notHelped());
        this.disputeWords = compile("large-dispute.patterns", rules.largeDispute().patterns());
    }

    /**
     * The policy of the bundled rules file outside Spring (the evaluation command), with its learned
     * opinion in use before it returns: the model shipped in the jar when it was learned from these
     * examples and settings, otherwise learned now.
     */
    public static EscalationPolicy standalone(Embeddings embeddings) {
        return standalone(embeddings, null, false);
    }

    /**
     * @param examples a resource pattern of labelled conversations to learn instead of the rules file's, or null
     * @param learnAgain learn the examples even when the model shipped in the jar was learned from them
     */
    public static EscalationPolicy standalone(Embeddings embeddings, String examples, boolean learnAgain) {
        EscalationPolicy policy = new EscalationPolicy(new EscalationProperties(true, null, true), new SentimentAnalysis(),
                new EntityExtraction(), embeddings);
        if (policy.model != null) {
            List<LabelledConversation> conversations = examples(examples == null ? policy.rules.learned().examples() : examples);
            Optional<byte[]> shipped = learnAgain ? Optional.empty()
                    : ShippedModel.matching(policy.model.fingerprintOf(conversations));
            if (shipped.isPresent()) {
                policy.model.restore(shipped.get());
                policy.learnedOpinionFrom = "the model shipped in the jar";
            } else {
                policy.model.learn(conversations);
                policy.learnedOpinionFrom = "learned now";
            }
        }
        policy.learnedOpinionSettled();
        return policy;
    }

    /** How {@link #standalone} came by its learned opinion, for the evaluation's report; null when it is off. */
    String learnedOpinionFrom() {
        return learnedOpinionFrom;
    }

    /** The labelled example conversations of the rules file, for the learned opinion; empty when it is off. */
    List<LabelledConversation> examples() {
        return model == null ? List.of() : examples(rules.learned().examples());
    }

    /** In the order of the files' names, so that the fingerprint is the same from a folder and from the jar. */
    private static List<LabelledConversation> examples(String pattern) {
        try {
            List<Resource> files = new ArrayList<>(List.of(new PathMatchingResourcePatternResolver().getResources(pattern)));
            files.sort(Comparator.comparing((Resource file) -> String.valueOf(file.getFilename()))
                .thenComparing(Resource::getDescription));
            List<LabelledConversation> examples = new ArrayList<>();
            for (Resource file : files) {
                examples.addAll(LabelledConversation.read(file));
            }
            if (examples.isEmpty()) {
                throw new IllegalArgumentException("no escalation examples found at " + pattern);
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the escalation examples " + pattern, e);
        }
    }

    /** Learns these conversations now (slow: embeds them all); the learned opinion must be on. */
    void learnExamples(List<LabelledConversation> examples) {
        model.learn(examples);
    }

    /** The learned opinion, for {@link ExampleLearning}; null when it is off. */
    EscalationModel model() {
        return model;
    }

    /**
     * Whether the learned opinion is settled: in use (loaded from the jar or the database, or learned), or
     * switched off, or given up after an error (logged; the word rules then decide alone, as they would
     * with it off). Until then the word rules decide alone, so a node should not report itself ready
     * before this is true. With the shipped examples (or examples learned here before) it becomes true about
     * a second after {@code ExampleLearning} is created, during the context refresh; examples of one's own seen for the first time are learned
     * after {@code ApplicationReadyEvent} (minutes), so whatever waits for this must not hold that event back.
     */
    public boolean learnedOpinionReady() {
        return learnedOpinionSettled;
    }

    /** Called once the learned opinion is in use, or will not be. */
    void learnedOpinionSettled() {
        learnedOpinionSettled = true;
    }

    /** The rules in effect, for the admin page. */
    List<RuleDefinitionView> rules() {
        return rules.rules().stream()
            .map(rule -> new RuleDefinitionView(rule.name(), rule.reason(), rule.priority(), rule.says(),
                    rule.holdingMessage(), rule.patterns().size(), rule.unless().size()))
            .toList();
    }

    EscalationRules definition() {
        return rules;
    }

    /**
     * The assistant just said this: the next assessment will read it as the assistant's last turn, so
     * its meaning is worked out now, off the request path (slow: embeds the text).
     */
    public void assistantSaid(String text) {
        if (model != null && enabled) {
            model.prepare(text);
        }
    }

    /** How many labelled example conversations the learned opinion has learned (0: off or not yet). */
    int examplesLearned() {
        return model == null ? 0 : model.examples();
    }

    /** The most careful holding message any of the findings' rules asks for. */
    HoldingMessages.Kind holdingKind(Assessment assessment) {
        HoldingMessages.Kind kind = HoldingMessages.Kind.of(assessment, null);
        for (Finding finding : assessment.findings()) {
            for (var rule : rules.rules()) {
                if (rule.name().equals(finding.rule())) {
                    HoldingMessages.Kind asked = HoldingMessages.Kind.of(assessment, rule.holdingMessage());
                    kind = asked.compareTo(kind) > 0 ? asked : kind;
                }
            }
        }
        return kind;
    }

    /**
     * @param turns the conversation so far, oldest first, ending with the customer message just received
     * @param language the conversation's language (for comparing questions), null when unknown
     */
    public Assessment assess(List<Turn> turns, String language) {
        RuleFindings found = ruleFindings(turns, language);
        List<Finding> findings = new ArrayList<>(found.findings());
        // the judgement embeds up to two texts; it cannot change a decision a request for a person or a
        // hint of crisis has made, and with the policy switched off only such requests count
        boolean decided = findings.stream().anyMatch(finding -> neverVetoed.contains(finding.rule()));
        if (model != null && enabled && !decided && !found.nothingSaid()) {
            model.judge(turns)
                .ifPresent(judgement -> weigh(judgement, findings, rules.learned(), neverVetoed, found.onlyMentioned()));
        }
        if (!enabled) {
            findings.removeIf(finding -> finding.reason() != EscalationReason.PERSON_REQUEST);
        }
        return new Assessment(findings);
    }

    /**
     * What the rules found, before the learned opinion weighs in.
     *
     * @param onlyMentioned a rule's words were there but only mentioned ("I don't need to talk to anyone",
     *     a phishing text not clicked) or excused as meant in another sense, and no rule found a reason
     * @param nothingSaid the transcript holds no customer message
     */
    record RuleFindings(List<Finding> findings, boolean onlyMentioned, boolean nothingSaid) {
    }

    /** The rules' findings alone (tuning combines them with a model of its own, as {@link #assess} does). */
    RuleFindings ruleFindings(List<Turn> turns, String language) {
        List<Finding> findings = new ArrayList<>();
        List<Integer> customerTurns = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).fromCustomer()) {
                customerTurns.add(i);
            }
        }
        if (customerTurns.isEmpty()) {
            return new RuleFindings(List.of(), false, true);
        }
        List<String> said = customerTurns.stream().map(i -> MatchableText.of(turns.get(i).text())).toList();
        // "my bad, all fine": what worried them before is settled; only the last message counts
        List<String> considered = matchesAny(resolved, said.get(said.size() - 1)) ? said.subList(said.size() - 1, said.size())
                : said;
        List<List<WordRule.Match>> read = considered.stream().map(this::read).toList();
        boolean mentioned = false;
        for (int r = 0; r < wordRules.size(); r++) {
            WordRule.Match match = WordRule.first(read, r);
            if (match.evidence() != null) {
                findings.add(wordRules.get(r).finding(match.evidence()));
            }
            mentioned |= match.mentioned();
        }
        int last = customerTurns.get(customerTurns.size() - 1);
        Turn before = last > 0 ? turns.get(last - 1) : null;
        String lastSaid = said.get(said.size() - 1);
        if (before != null && !before.fromCustomer() && offeredPerson(before) && matchesAny(yesToOffer, lastSaid)) {
            findings.add(new Finding(EscalationReason.PERSON_REQUEST, "yes-to-offer",
                    "The customer accepted the assistant's offer of a person.", Priority.NORMAL, quote(lastSaid)));
        }
        // each customer message's tone is read once: the frustration signals and "pleased" both use it
        List<Sentiment> tones = customerTurns.stream().map(i -> sentiment.analyse(turns.get(i).text())).toList();
        frustration(tones).ifPresent(findings::add);
        boolean pleased = tones.get(tones.size() - 1).polarity() > 0.3;
        repetition(turns, customerTurns, said, before, pleased, language == null ? "en" : language)
            .forEach(findings::add);
        largeDispute(turns, customerTurns).ifPresent(findings::add);
        return new RuleFindings(List.copyOf(findings), mentioned && findings.isEmpty(), false);
    }

    /**
     * The learned opinion vetoes rule findings it finds very unlikely (words in another sense: "my phone
     * died", "I work at the court") and hands over on its own when no rule fired and it is sure enough.
     *
     * It does not hand over on its own when the rules read the words that could have moved it as only
     * mentioned: a phishing text reported and not clicked looks to the model like one that was.
     *
     * @param neverVetoed names of the rules whose findings always count
     * @param onlyMentioned the rules found words of a reason, only mentioned ({@link RuleFindings})
     */
    static void weigh(EscalationModel.Judgement judgement, List<Finding> findings, EscalationRules.LearnedOpinion settings,
            Set<String> neverVetoed, boolean onlyMentioned) {
        if (judgement.likelihood() < settings.rulesNeedAtLeast()) {
            findings.removeIf(finding -> !neverVetoed.contains(finding.rule()));
        }
        if (findings.isEmpty() && !onlyMentioned && judgement.likelihood() >= settings.escalateAt()) {
            EscalationReason reason = judgement.reason();
            findings.add(new Finding(reason, Finding.LEARNED_OPINION, "Like conversations that needed a person (" + reason.words() + ").",
                    reason == EscalationReason.HIGH_STAKES || reason == EscalationReason.VULNERABLE ? Priority.HIGH
                            : Priority.NORMAL,
                    String.format(Locale.ROOT, "likelihood %.2f", judgement.likelihood())));
        }
    }

    /** Names of the rules whose findings the learned opinion never vetoes: a request for a person, a hint of crisis. */
    Set<String> neverVetoed() {
        return neverVetoed;
    }

    private Optional<Finding> frustration(List<Sentiment> tones) {
        double[] scores = tones.stream().mapToDouble(Sentiment::frustration).toArray();
        double now = scores[scores.length - 1];
        var limits = rules.frustration();
        if (now >= limits.high()) {
            var cues = tones.get(tones.size() - 1).cues();
            return Optional.of(new Finding(EscalationReason.FRUSTRATION, "frustration-high",
                    "The customer is very frustrated.", Priority.HIGH,
                    String.format(Locale.ROOT, "frustration %.2f (%s)", now, String.join(", ", cues))));
        }
        double lowest = now;
        for (int i = 0; i < scores.length - 1; i++) {
            lowest = Math.min(lowest, scores[i]);
        }
        if (now >= limits.risingTo() && now - lowest >= limits.rise()) {
            return Optional.of(new Finding(EscalationReason.FRUSTRATION, "frustration-rising",
                    "The customer's frustration is rising.", Priority.NORMAL,
                    String.format(Locale.ROOT, "frustration %.2f → %.2f", lowest, now)));
        }
        return Optional.empty();
    }

    private List<Finding> repetition(List<Turn> turns, List<Integer> customerTurns, List<String> said, Turn before,
            boolean pleased, String language) {
        List<Finding> found = new ArrayList<>();
        String lastSaid = said.get(said.size() - 1);
        if (before != null && !before.fromCustomer() && !couldNotAnswer(before) && !pleased
                && matchesAny(notHelped, lastSaid)) {
            found.add(new Finding(EscalationReason.REPETITION, "answer-did-not-help",
                    "The customer says the assistant's answer did not help.", Priority.NORMAL, quote(lastSaid)));
        }
        long failed = turns.stream().filter(turn -> !turn.fromCustomer() && couldNotAnswer(turn)).count();
        if (failed >= rules.repetition().failedAnswers()) {
            found.add(new Finding(EscalationReason.OUT_OF_SCOPE, "assistant-could-not-answer",
                    "The assistant could not answer " + failed + " times.", Priority.NORMAL,
                    failed + " turns without an answer"));
        } else if (before != null && !before.fromCustomer() && couldNotAnswer(before) && !pleased
                && !matchesAny(declines, lastSaid) && !matchesAny(yesToOffer, lastSaid)) {
            found.add(new Finding(EscalationReason.OUT_OF_SCOPE, "still-needs-help",
                    "The assistant could not answer and the customer still needs help with it.", Priority.NORMAL,
                    quote(lastSaid)));
        }
        if (before != null && !before.fromCustomer() && stressesWhatTheyAsked(turns, customerTurns, language)) {
            found.add(new Finding(EscalationReason.REPETITION, "stresses-the-question",
                    "The customer repeats their question with emphasis: the answer missed it.", Priority.NORMAL,
                    quote(lastSaid)));
        }
        int last = customerTurns.get(customerTurns.size() - 1);
        Set<String> asked = new HashSet<>(SearchTerms.of(turns.get(last).text(), language));
        if (asked.size() >= 2) {
            for (int k = 0; k < customerTurns.size() - 1; k++) {
                int earlier = customerTurns.get(k);
                boolean answeredBetween = turns.subList(earlier + 1, last).stream().anyMatch(turn -> !turn.fromCustomer());
                if (answeredBetween && similarity(asked, new HashSet<>(SearchTerms.of(turns.get(earlier).text(), language)))
                        >= rules.repetition().sameQuestion()) {
                    found.add(new Finding(EscalationReason.REPETITION, "asked-again",
                            "The customer asked the same thing again.", Priority.NORMAL, quote(lastSaid)));
                    break;
                }
            }
        }
        return found;
    }

    /**
     * "I asked about RETURNING it": right after a reply, a word of the earlier question comes back in
     * capitals. Shouting a whole message is frustration, not this.
     */
    private static boolean stressesWhatTheyAsked(List<Turn> turns, List<Integer> customerTurns, String language) {
        if (customerTurns.size() < 2) {
            return false;
        }
        String last = turns.get(customerTurns.get(customerTurns.size() - 1)).text();
        Matcher words = STRESSED.matcher(last);
        Set<String> earlier = new HashSet<>();
        for (int k = 0; k < customerTurns.size() - 1; k++) {
            earlier.addAll(SearchTerms.of(turns.get(customerTurns.get(k)).text(), language));
        }
        int stressed = 0;
        boolean repeated = false;
        while (words.find()) {
            stressed++;
            repeated |= SearchTerms.of(words.group().toLowerCase(Locale.ROOT), language).stream().anyMatch(earlier::contains);
        }
        return repeated && stressed <= 3;
    }

    private Optional<Finding> largeDispute(List<Turn> turns, List<Integer> customerTurns) {
        for (int i : customerTurns) {
            String text = turns.get(i).text();
            Optional<Entity> large = entities.extract(text).stream()
                .filter(entity -> entity.amount().map(a -> a.doubleValue() >= rules.largeDispute().amount()).orElse(false))
                .findFirst();
            if (large.isPresent() && matchesAny(disputeWords, MatchableText.of(text))) {
                return Optional.of(new Finding(EscalationReason.HIGH_STAKES, "large-dispute",
                        "The customer disputes a large amount (" + large.get().text() + ").", Priority.HIGH,
                        quote(MatchableText.of(text))));
            }
        }
        return Optional.empty();
    }

    private boolean offeredPerson(Turn ai) {
        return ai.outcome() == Turn.AiOutcome.NOT_ANSWERED
                || ai.outcome() == Turn.AiOutcome.UNKNOWN && matchesAny(aiOfferedPerson, MatchableText.of(ai.text()));
    }

    private boolean couldNotAnswer(Turn ai) {
        return switch (ai.outcome()) {
            case NOT_ANSWERED -> true;
            case ANSWERED, CLARIFIED -> false;
            // an offer of a person without a source is the assistant giving up, whatever the words
            case UNKNOWN -> matchesAny(aiCouldNotAnswer, MatchableText.of(ai.text()))
                    || matchesAny(aiOfferedPerson, MatchableText.of(ai.text())) && !CITES.matcher(ai.text()).find();
        };
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /** What each word rule finds in one customer message (matchable text), in the order of {@link #wordRules}. */
    private List<WordRule.Match> read(String message) {
        return readMessages.get(message, text -> wordRules.stream().map(rule -> rule.in(text)).toList());
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    static String quote(String text) {
        return text.length() <= EVIDENCE_LENGTH ? "\"" + text + "\"" : "\"" + text.substring(0, EVIDENCE_LENGTH - 1) + "…\"";
    }

    static List<Pattern> compile(String where, List<String> patterns) {
        return patterns.stream().map(pattern -> {
            try {
                return Pattern.compile(pattern, FLAGS);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("escalation rules, " + where + ": invalid pattern " + pattern + ": "
                        + e.getDescription(), e);
            }
        }).toList();
    }

    /** A rule as the admin page lists it. */
    record RuleDefinitionView(String name, EscalationReason reason, Priority priority, String says,
            String holdingMessage, int patterns, int exceptions) {
    }

    /** A word rule, compiled. */
    private static final class WordRule {

        private final EscalationRules.RuleDefinition definition;
        private final List<Pattern> patterns;
        private final List<Pattern> with;
        private final List<Pattern> unless;
        private final List<Pattern> mentionedWhen;

        WordRule(EscalationRules.RuleDefinition definition) {
            this.definition = definition;
            this.patterns = compile(definition.name(), definition.patterns());
            this.with = compile(definition.name() + " (with)", definition.with());
            this.unless = compile(definition.name() + " (unless)", definition.unless());
            this.mentionedWhen = compile(definition.name() + " (mentioned-when)", definition.mentionedWhen());
        }

        /**
         * What a rule found in the customer's messages.
         *
         * @param evidence the words of the first match that counts, quoted; null when none does
         * @param mentioned some match was only mentioned, or excused ({@code unless}, {@code with})
         */
        record Match(String evidence, boolean mentioned) {
        }

        /**
         * The words of the first customer message that matches (and is not excused, nor only mentioned).
         *
         * @param read what every rule found in each message, oldest first ({@link #in})
         * @param rule this rule's position in each message's list
         */
        static Match first(List<List<Match>> read, int rule) {
            boolean mentionedOnly = false;
            for (List<Match> message : read) {
                Match match = message.get(rule);
                if (match.evidence() != null) {
                    return new Match(match.evidence(), mentionedOnly || match.mentioned());
                }
                mentionedOnly |= match.mentioned();
            }
            return new Match(null, mentionedOnly);
        }

        /** The first words of one message that count, and whether words before them were only mentioned. */
        Match in(String message) {
            if (matchesAny(unless, message) || !with.isEmpty() && !matchesAny(with, message)) {
                // words in another sense ("tennis court", "just curious") are as good as mentioned
                return new Match(null, matchesAny(patterns, message));
            }
            boolean mentionedOnly = false;
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(message);
                while (matcher.find()) {
                    if (!mentioned(message, matcher.start(), matcher.end())) {
                        return new Match(quote(matcher.group()), mentionedOnly);
                    }
                    mentionedOnly = true;
                }
            }
            return new Match(null, mentionedOnly);
        }

        /**
         * Whether the words from start to end are only mentioned: the message is read with them marked
         * «like this» (a matchable text holds no guillemets: they are folded to quotes), so a pattern can
         * say where the words stand ("don't need to" right before them, "said" right after).
         */
        private boolean mentioned(String message, int start, int end) {
            if (mentionedWhen.isEmpty()) {
                return false;
            }
            String marked = message.substring(0, start) + "\u00ab" + message.substring(start, end) + "\u00bb"
                    + message.substring(end);
            return matchesAny(mentionedWhen, marked);
        }

        Finding finding(String evidence) {
            return new Finding(definition.reason(), definition.name(), definition.says(), definition.priority(), evidence);
        }
    }
}
