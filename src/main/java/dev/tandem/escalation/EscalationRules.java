package dev.tandem.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.Resource;

/**
 * The escalation policy as written in its YAML file ({@code escalation/rules.yml} by default): word
 * patterns per reason and the limits of the signals that are not words (frustration, repetition,
 * large disputes). See the bundled file for what each part means.
 */
record EscalationRules(List<String> yesToOffer, List<String> declines, List<String> resolved, List<String> aiOfferedPerson, List<String> aiCouldNotAnswer,
        FrustrationLimits frustration, RepetitionLimits repetition, LargeDispute largeDispute,
        LearnedOpinion learned, List<RuleDefinition> rules) {

    EscalationRules {
        yesToOffer = listOf(yesToOffer);
        declines = listOf(declines);
        resolved = listOf(resolved);
        aiOfferedPerson = listOf(aiOfferedPerson);
        aiCouldNotAnswer = listOf(aiCouldNotAnswer);
        frustration = frustration == null ? new FrustrationLimits(0.65, 0.3, 0.4) : frustration;
        repetition = repetition == null ? new RepetitionLimits(0.6, 2, List.of()) : repetition;
        largeDispute = largeDispute == null ? new LargeDispute(500, List.of()) : largeDispute;
        learned = learned == null ? new LearnedOpinion(null, 1, 0, 1, 1, 1) : learned;
        rules = listOf(rules);
    }

    /**
     * @param high the last message's frustration at which to escalate
     * @param rise escalate when frustration rose over the conversation at least this much...
     * @param risingTo ...ending at least this high
     */
    record FrustrationLimits(double high, double rise, double risingTo) {
    }

    /**
     * @param sameQuestion share of common terms from which two customer messages ask the same thing
     * @param failedAnswers assistant turns without an answer after which to escalate
     * @param notHelped the customer's words for "that did not help"
     */
    record RepetitionLimits(double sameQuestion, int failedAnswers, List<String> notHelped) {

        RepetitionLimits {
            notHelped = listOf(notHelped);
        }
    }

    /** A dispute over at least {@code amount} (any currency), recognised by its words. */
    record LargeDispute(double amount, List<String> patterns) {

        LargeDispute {
            patterns = listOf(patterns);
        }
    }

    /**
     * The opinion of a model learned from labelled conversations.
     *
     * @param examples a Spring resource pattern of {@code eval escalation} files; none: off
     * @param escalateAt when no rule fires, hand over from this likelihood (0..1) on
     * @param rulesNeedAtLeast a rule's finding counts only when the model gives at least this likelihood,
     *     except a request for a person and a crisis hint, which always count
     * @param regularisation liblinear's C for the model (higher: fits the examples more closely)
     * @param businessWeight at most how many times a conversation of a business with fewer examples counts
     *     ({@code business} in the examples), so that the businesses weigh about alike; 1: each counts once
     * @param gramsInBusinesses a character n-gram of the customer's words is a feature only when the customers
     *     of at least this many businesses used it; 1: every gram
     */
    record LearnedOpinion(String examples, double escalateAt, double rulesNeedAtLeast, double regularisation,
            int businessWeight, int gramsInBusinesses) {

        LearnedOpinion {
            businessWeight = Math.max(1, businessWeight);
            gramsInBusinesses = Math.max(1, gramsInBusinesses);
        }

        public boolean on() {
            return examples != null && !examples.isBlank();
        }
    }

    /**
     * A reason to escalate recognised by the customer's words.
     *
     * @param holdingMessage which message the customer gets while waiting: {@code standard}
     *     (default), {@code careful} or {@code crisis}
     * @param with when given, a pattern matches only if one of these matches the same message too
     * @param unless a message matching one of these never matches the rule
     * @param mentionedWhen the words matched are only mentioned, not said of the customer's own need, when one
     *     of these matches the message with those words marked «like this» ("I don't need to «talk to anyone»",
     *     "I got a «phishing» email, I didn't click it"): that match does not count, another one may
     */
    record RuleDefinition(String name, EscalationReason reason, Priority priority, String says,
            String holdingMessage, List<String> patterns, List<String> with, List<String> unless,
            List<String> mentionedWhen) {

        RuleDefinition {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an escalation rule has no name");
            }
            if (reason == null) {
                throw new IllegalArgumentException("escalation rule '" + name + "' has no reason");
            }
            if (says == null || says.isBlank()) {
                throw new IllegalArgumentException("escalation rule '" + name + "' does not say why in words (says:)");
            }
            patterns = listOf(patterns);
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("escalation rule '" + name + "' has no patterns");
            }
            priority = priority == null ? Priority.NORMAL : priority;
            holdingMessage = holdingMessage == null ? "standard" : holdingMessage;
            with = listOf(with);
            unless = listOf(unless);
            mentionedWhen = listOf(mentionedWhen);
        }
    }

    static EscalationRules load(Resource resource) {
        try {
            var sources = new YamlPropertySourceLoader().load(resource.getDescription(), resource);
            return new Binder(ConfigurationPropertySources.from(sources))
                .bind(ConfigurationPropertyName.EMPTY, Bindable.of(EscalationRules.class))
                .orElseThrow(() -> new IllegalArgumentException(resource.getDescription() + " holds no escalation rules"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the escalation rules " + resource.getDescription(), e);
        }
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
