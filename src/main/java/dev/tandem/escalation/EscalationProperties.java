package dev.tandem.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether the assistant hands conversations over on the policy's reasons (a request
 *     for a person is always honoured)
 * @param rulesFile where the rules are: a Spring resource location such as {@code file:/etc/tandem/rules.yml}
 * @param learnFromExamples learn the rules file's example conversations after start-up (in the
 *     background), for the learned opinion
 */
@ConfigurationProperties("tandem.escalation")
public record EscalationProperties(Boolean enabled, String rulesFile, Boolean learnFromExamples) {

    public EscalationProperties {
        enabled = enabled == null || enabled;
        learnFromExamples = learnFromExamples == null || learnFromExamples;
        rulesFile = rulesFile == null || rulesFile.isBlank() ? "classpath:escalation/rules.yml" : rulesFile;
    }
}
