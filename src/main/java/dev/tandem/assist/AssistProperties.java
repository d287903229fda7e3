package dev.tandem.assist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The assist panel ({@code tandem.assist.*}).
 *
 * @param enabled compute suggestions for conversations a person handles (queued or assigned)
 * @param passages knowledge passages shown, from distinct articles
 * @param suggestions suggested replies shown, at most
 * @param pastReplySimilarity the least cosine similarity (bge-small) of a customer message with one that an
 *        agent answered in a resolved conversation for that reply to be suggested; 0.80 keeps paraphrases of
 *        the same request and drops mere same-topic messages
 * @param workers threads computing panels off the request threads; more messages wait in a queue
 * @param policies the YAML file of policy reminders
 * @param generate in LLM mode, suggest the model's grounded reply first
 */
@ConfigurationProperties("tandem.assist")
record AssistProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3") int passages,
        @DefaultValue("3") int suggestions, @DefaultValue("0.80") double pastReplySimilarity,
        @DefaultValue("2") int workers, @DefaultValue("classpath:assist/policies.yml") Resource policies,
        @DefaultValue("true") boolean generate) {
}
