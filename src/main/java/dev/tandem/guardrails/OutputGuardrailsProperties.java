package dev.tandem.guardrails;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether AI replies are checked against the output constitution
 * @param refresh how often a node looks for a constitution saved on another node
 */
@ConfigurationProperties("tandem.guardrails.output")
record OutputGuardrailsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT10S") Duration refresh) {
}
