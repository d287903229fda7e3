package dev.tandem.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The training sandbox ({@code tandem.simulation.training.*}).
 *
 * @param scenarios the scenario file people practise on (YAML or JSONL, as for {@code simulate}); the demo's by default
 * @param llmCustomer with a language model configured, let it word the customer's lines (the decisions stay scripted)
 */
@ConfigurationProperties("tandem.simulation.training")
record TrainingProperties(@DefaultValue("classpath:demo/simulation/northwind.yml") Resource scenarios,
        @DefaultValue("true") boolean llmCustomer) {
}
