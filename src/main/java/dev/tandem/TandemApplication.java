package dev.tandem;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/*
 * Redis serves only the shared rate limits, whose client dev.tandem.limits builds itself when
 * tandem.cluster.rate-limits=redis: without these exclusions a single node would get a Redis
 * connection factory and a health check that reports DOWN when no Redis exists.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration" })
// limits is shared: every module test bootstraps it, as identity and channel need its RateLimiter
@org.springframework.modulith.Modulithic(systemName = "Tandem", sharedModules = { "limits", "egress" })
@ConfigurationPropertiesScan
@EnableScheduling
public class TandemApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            // Evaluation commands need neither the web server nor the database: no Spring at all.
            Evaluations.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("import-knowledge")) {
            // Writes the database only: no web server, no demo data, no search index.
            KnowledgeImportCommand.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("simulate")) {
            // Simulated customers talk to a Tandem over HTTP: the one at --url, or one started for the run.
            System.setProperty("logback.configurationFile", "logback-eval.xml");
            SimulateCommand.main(args);
            return;
        }
        SpringApplication.run(TandemApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
