package dev.tandem.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.TandemApplication;
import dev.tandem.TestAccounts;
import dev.tandem.answering.AnswerCustomer;
import dev.tandem.conversation.AssignConversation;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.PostAgentMessage;
import dev.tandem.conversation.RequestHandoff;
import dev.tandem.conversation.ResolveConversation;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: the backlog of resolved conversations quality scoring clears (issue 16), through the real
 * scoring path. Starts the whole application (H2 in a fresh directory, Northwind demo knowledge) with automatic
 * scoring off, fills a backlog of N resolved conversations from the Northwind evaluation questions (English,
 * Spanish, German, French): each answered by the AI assistant ({@link AnswerCustomer#reply}); every second one then
 * handed over to an agent who writes two replies (one with a refund delay the knowledge base contradicts, a different
 * figure each time) and resolves it. The 432 questions are used in turn: beyond that the assistant's replies repeat,
 * and their sentences' embeddings are remembered (as for the article sentences answers quote in production), so a
 * backlog above 432 measures a warmer path.
 * Then drains the backlog on one thread through {@link ScoreConversation#score}, the code the low-priority listener
 * runs on {@code ConversationResolved}: the embedded judge, accuracy against the knowledge base, the constitution's
 * checks, each AI reply judged on its own, the score stored and {@link AiTurnsJudged} published (its listener files
 * the verdicts on the same low-priority executor, so its cost is in the wall time, not in the per-conversation
 * times). Prints conversations a minute and the p50/p95 per conversation.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.quality.QualityBacklogBenchmark [N]
 * </pre>
 */
final class QualityBacklogBenchmark {

    private static final int WARM_UP = 30;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path data = Files.createTempDirectory("tandem-quality-bench");
        ConfigurableApplicationContext app = new SpringApplication(TandemApplication.class).run(
                "--tandem.data-dir=" + data, "--server.port=0", "--tandem.demo=true", "--tandem.quality.enabled=false",
                "--tandem.bootstrap-admin-password=bench-admin-password", "--logging.level.root=warn");
        try {
            KnowledgeSearch knowledge = app.getBean(KnowledgeSearch.class);
            while (!(knowledge.answersCustomersIn("en") && knowledge.answersCustomersIn("es")
                    && knowledge.answersCustomersIn("de") && knowledge.answersCustomersIn("fr"))) {
                Thread.sleep(200);
            }
            Thread.sleep(15_000); // the rest of the demo articles, and the language models' background load
            List<UUID> backlog = fill(app, n + WARM_UP);
            Thread.sleep(10_000); // the assist panels and summaries the handovers started
            ScoreConversation scoring = app.getBean(ScoreConversation.class);
            for (UUID conversation : backlog.subList(0, WARM_UP)) {
                scoring.score(conversation, Instant.now());
            }
            List<Long> nanos = new ArrayList<>();
            long start = System.nanoTime();
            for (UUID conversation : backlog.subList(WARM_UP, backlog.size())) {
                long t0 = System.nanoTime();
                scoring.score(conversation, Instant.now());
                nanos.add(System.nanoTime() - t0);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "backlog %d resolved conversations (half AI only, half handed over; en/es/de/fr), "
                    + "after %d warm-up%n", n, WARM_UP);
            System.out.printf(Locale.ROOT, "drained in %.1f s: %.0f conversations/minute on one thread%n", seconds,
                    n / seconds * 60);
            System.out.printf(Locale.ROOT, "per conversation: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  mean %.1f ms%n",
                    at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                    Arrays.stream(sorted).average().orElse(0) / 1e6);
        } finally {
            app.close();
        }
    }

    /** Resolved conversations, alternately AI only and handed over to an agent. */
    private static List<UUID> fill(ConfigurableApplicationContext app, int count) throws Exception {
        StartConversation start = app.getBean(StartConversation.class);
        AnswerCustomer assistant = app.getBean(AnswerCustomer.class);
        RequestHandoff handoff = app.getBean(RequestHandoff.class);
        AssignConversation assign = app.getBean(AssignConversation.class);
        PostAgentMessage post = app.getBean(PostAgentMessage.class);
        ResolveConversation resolve = app.getBean(ResolveConversation.class);
        TestAccounts accounts = new TestAccounts(app.getBean(UserAccounts.class), app.getBean(Teams.class));
        // an agent who also supervises every team: sees whichever team a handover lands in
        UserSummary user = accounts.user("bench", java.util.Set.of(dev.tandem.identity.Role.AGENT,
                dev.tandem.identity.Role.SUPERVISOR));
        CurrentUser agent = new CurrentUser(user.id(), user.username(), user.displayName(), user.roles(), user.teamIds());
        List<String> questions = questions();
        List<UUID> backlog = new ArrayList<>();
        long started = System.nanoTime();
        int handedOver = 0;
        for (int i = 0; i < count; i++) {
            String question = questions.get(i % questions.size()) + " (" + i + ")";
            var conversation = start.start(new StartConversation.Command(null, question, null, "bench", null,
                    ConversationStatus.AI));
            UUID id = conversation.conversation().id();
            assistant.reply(id, conversation.messages().get(0));
            if (i % 2 == 1 && handoff.request(id, "bench").status() == ConversationStatus.QUEUED) {
                handedOver++;
                retrying(() -> assign.assignToSelf(agent, id));
                post.post(agent, id, "Hi, I'm Sam, thanks for waiting. I'm sorry about the trouble, let me check your order "
                        + "now.", false);
                // a different figure each time: the same sentence would be embedded once and remembered
                post.post(agent, id, "Refunds reach your card within " + (20 + i % 60) + " business days after we process "
                        + "the return. Is there anything else I can help with?", false);
            }
            retrying(() -> resolve.resolve(agent, id));
            backlog.add(id);
        }
        System.out.printf(Locale.ROOT, "filled a backlog of %d (%d handed over to an agent) in %.0f s%n", count, handedOver,
                (System.nanoTime() - started) / 1e9);
        return backlog;
    }

    /**
     * The assist panel, the summaries and the routing write to a conversation just handed over: an agent's step may
     * meet them (409), or, on a starved core beside the message benchmark, wait on their row lock past H2's timeout.
     */
    private static void retrying(Runnable step) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                step.run();
                return;
            } catch (org.springframework.web.ErrorResponseException conflict) {
                if (conflict.getStatusCode().value() != 409 || attempt == 20) {
                    throw conflict;
                }
            } catch (org.springframework.dao.TransientDataAccessException locked) {
                if (attempt == 20) {
                    throw locked;
                }
            }
            Thread.sleep(20);
        }
    }

    private static List<String> questions() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> questions = new ArrayList<>();
        for (String set : List.of("dev", "validation", "multilingual")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/eval/northwind/" + set + ".jsonl"))) {
                if (!line.isBlank()) {
                    questions.add((String) json.readValue(line, Map.class).get("question"));
                }
            }
        }
        // languages interleaved, so that a small backlog has all of them
        java.util.Collections.shuffle(questions, new java.util.Random(16));
        return questions;
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
