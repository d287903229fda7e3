package dev.tandem;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@org.springframework.modulith.Modulithic(systemName = "Tandem")
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
        SpringApplication.run(TandemApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
