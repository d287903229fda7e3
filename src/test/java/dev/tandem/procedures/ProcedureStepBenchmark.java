package dev.tandem.procedures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import dev.tandem.TandemApplication;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;

/**
 * Benchmark, not a test: the assistant's own time per procedure step, the company system's answer time
 * excluded, as {@link RunProcedures} records it in the {@code tandem.procedures.step} timer (the whole
 * step minus the time spent waiting for the connector's calls). Starts the whole application (H2 in a fresh
 * directory, the demo with its Northwind back end), waits until it is ready, then has Ada Lovelace run every
 * demo procedure through the widget API, one conversation after another: order status (asked for the
 * number), password reset, change of address, gift card balance (with the emailed code). Warm-up rounds
 * first; then the timer is read. Its percentiles are Micrometer's (a decaying window of two minutes, so the
 * measured rounds are kept shorter than that); count, mean and max are exact.
 *
 * <p>Noisy: the build machine has 2 cores shared with other engineers' builds and tests.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.procedures.ProcedureStepBenchmark
 * </pre>
 */
final class ProcedureStepBenchmark {

    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 40;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("tandem-procedure-bench");
        ConfigurableApplicationContext app = new SpringApplication(TandemApplication.class).run(
                "--tandem.data-dir=" + data, "--server.port=0", "--tandem.demo=true",
                "--tandem.channel.rate-limit.enabled=false",
                // the replies ride in the POST's answer, which the rounds read
                "--tandem.answering.reply-wait=PT30S",
                "--tandem.bootstrap-admin-password=admin-password-for-tests", "--logging.level.root=warn");
        try {
            var api = new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
            var assistant = app.getBean(dev.tandem.answering.AnswerCustomer.class);
            while (!api.get("/actuator/health").body().contains("\"UP\"") || !assistant.enabled()) {
                Thread.sleep(200);
            }
            var northwind = new Northwind(api);
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                round(api, northwind);
            }
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            Timer warm = meters.get("tandem.procedures.step").timer();
            long warmCount = warm.count();
            double warmTotal = warm.totalTime(TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                round(api, northwind);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Timer timer = meters.get("tandem.procedures.step").timer();
            var snapshot = timer.takeSnapshot();
            long n = timer.count() - warmCount;
            System.out.printf("procedure steps measured: %d in %.1f s (%d rounds of 4 procedures, 8 steps each)%n", n, seconds, MEASURED_ROUNDS);
            for (ValueAtPercentile p : snapshot.percentileValues()) {
                System.out.printf("p%.0f  %.2f ms%n", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS));
            }
            System.out.printf("mean %.2f ms (measured rounds), max %.2f ms (whole run)%n",
                    (timer.totalTime(TimeUnit.MILLISECONDS) - warmTotal) / n, snapshot.max(TimeUnit.MILLISECONDS));
        } finally {
            app.close();
        }
    }

    private static void round(TestApi api, Northwind outbox) throws InterruptedException {
        Map<String, String> ada = Map.of("name", "Ada Lovelace", "email", Northwind.ADA);
        var status = WidgetCustomer.start(api, Map.of("message", "Where is my order?", "customer", ada));
        expect(reply(status, null), "order number");
        expect(reply(status, "NW-1004"), "on its way");

        var reset = WidgetCustomer.start(api, Map.of("message", "I forgot my password, can you send me a reset link?", "customer", ada));
        expect(reply(reset, null), "reset link");

        var address = WidgetCustomer.start(api, Map.of("message", "I need to change the delivery address of NW-1003", "customer", ada));
        expect(reply(address, null), "new delivery address");
        expect(reply(address, "10 Downing Street, London SW1A 2AA, United Kingdom"), "will go to");

        Instant since = Instant.now().minusMillis(5);
        var card = WidgetCustomer.start(api, Map.of("message", "Can you check my gift card balance?", "customer", ada));
        expect(reply(card, null), "6-digit code");
        expect(reply(card, outbox.latestCode(Northwind.ADA, since)), "GC-1234-5678");
        expect(reply(card, "GC-4417-2291"), "$25.00");
    }

    /** Posts {@code text} (null: the first message, already sent) and waits for the assistant's next reply. */
    private static String reply(WidgetCustomer customer, String text) throws InterruptedException {
        int before = text == null ? 1 : customer.view().get("messages").size();
        if (text != null) {
            customer.post(text).expect(201);
            before++;
        }
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            var messages = customer.view().get("messages");
            for (int i = before; i < messages.size(); i++) {
                if (!messages.get(i).get("author").asString().equals("CUSTOMER")) {
                    return messages.get(i).get("text").asString();
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no reply to " + text + " in " + customer.view());
    }

    private static void expect(String body, String text) {
        if (!body.contains(text)) {
            throw new IllegalStateException("expected " + text + " in " + body);
        }
    }
}
