package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code simulate} without {@code --url}: a Tandem with the demo workspace starts in the process on a fresh
 * temporary H2 database, the demo's customers talk to it, and it stops again.
 */
class SimulateEmbeddedCommandTest {

    @Test
    void withoutAUrlTheDemoStartsInTheProcessAndTheShippedScenariosRunAgainstIt() {
        // the embedded Tandem always runs on its own H2 file; the PostgreSQL build has nothing to add here
        assumeFalse("postgresql".equals(System.getProperty("tandem.test.database")));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = SimulateCommand.run(List.of("--limit", "3", "--json"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--logging.level.root=warn");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("starting Tandem with the demo workspace",
                "3 simulated customers");
        JsonNode report = TestApi.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("n").asInt()).isEqualTo(3);
        assertThat(report.path("scenarios").asString()).contains("demo/simulation/northwind.yml");
        assertThat(report.path("conversations")).allSatisfy(c -> assertThat(c.path("outcome").asString()).isNotEqualTo("ERROR"));
        assertThat(report.path("verifiedResolution").asDouble()).isPositive();
    }
}
