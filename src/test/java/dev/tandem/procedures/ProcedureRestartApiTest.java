package dev.tandem.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.TandemApplication;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.answering.AnswerCustomer;
import tools.jackson.databind.JsonNode;

/**
 * A procedure's progress is stored, not held in memory: Tandem stops while the assistant waits for the
 * customer's order number, starts again on the same database, and the customer's answer carries the
 * procedure on from where it was (on PostgreSQL both starts use the run's schema, see TestDatabase).
 */
class ProcedureRestartApiTest {

    private static final String DATABASE = "jdbc:h2:file:./target/test-db/restart-" + UUID.randomUUID() + "/tandem;DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void aProcedureGoesOnAfterARestart() throws Exception {
        WidgetCustomer asked;
        try (ConfigurableApplicationContext first = start()) {
            var api = new TestApi(port(first));
            asked = WidgetCustomer.start(api, Map.of("message", "Where is my order?",
                    "customer", Map.of("name", "Ada Lovelace", "email", Northwind.ADA)));
            assertThat(awaitAiReplyContaining(asked, "order number")).contains("NW-");
        }

        try (ConfigurableApplicationContext second = start()) {
            var api = new TestApi(port(second));
            var customer = new WidgetCustomer(api, asked.id(), asked.token(), null);

            customer.post("It's NW-1004").expect(201);

            String reply = awaitAiReplyContaining(customer, "NW-1004");
            assertThat(reply).contains("on its way").contains("1Z999AA10123456785").doesNotContain("order number?");
        }
    }

    /** Started and ready: health is UP once the knowledge index and models are loaded (the contract's readiness). */
    private static ConfigurableApplicationContext start() throws InterruptedException {
        ConfigurableApplicationContext context = launch();
        var api = new TestApi(port(context));
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        var assistant = context.getBean(AnswerCustomer.class);
        // ready, and with published knowledge the assistant takes new conversations (on a shared PostgreSQL
        // schema the demo's articles may still be on their way from another start)
        while (!api.get("/actuator/health").body().contains("\"UP\"") || !assistant.enabled()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not ready within five minutes");
            }
            Thread.sleep(200);
        }
        return context;
    }

    private static ConfigurableApplicationContext launch() {
        String[] arguments = {
            "--spring.profiles.active=test",
            "--server.port=0",
            "--spring.datasource.url=" + DATABASE,
            "--spring.main.banner-mode=off",
            "--tandem.demo=true",
            "--tandem.answering.enabled=true",
            // a fresh start loads its models before its first reply: the test reads the reply from the conversation
            "--tandem.answering.reply-wait=PT1S",
        };
        return new SpringApplicationBuilder(TandemApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String lastAiText(JsonNode conversation) {
        String last = null;
        for (JsonNode message : conversation.get("messages")) {
            if (message.get("author").asString().equals("AI")) {
                last = message.get("text").asString();
            }
        }
        return last;
    }

    /** The reply may ride in the POST or come later (the new node loads its models first): read the conversation. */
    private static String awaitAiReplyContaining(WidgetCustomer customer, String text) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            String last = lastAiText(customer.view());
            if (last != null && last.contains(text)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reply mentioning " + text + ": " + customer.view());
    }
}
