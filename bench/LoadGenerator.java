import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load generator for the customer widget API (POST /api/widget/conversations/{id}/messages).
 *
 * <p>Single file, no dependencies, Java 17: {@code java bench/LoadGenerator.java --base http://127.0.0.1:8094
 * --conversations 200 --rate 600 --duration 60 --warmup 15}. Pin it to one core with {@code taskset -c 1} and the
 * server to the other with {@code taskset -c 0}; see docs/benchmarks.md.
 *
 * <ul>
 * <li>Open loop: request i is <em>scheduled</em> at {@code start + i / rate}; a pool of {@code --connections}
 * keep-alive connections sends them in order. Latency is measured from the scheduled time, so a slow server (or a
 * full pool) shows up as latency instead of silently lowering the offered rate (no coordinated omission). The
 * service time (from the actual send) is reported beside it.</li>
 * <li>Requests scheduled during the warm-up are sent but not counted.</li>
 * <li>Every message carries a unique clientMessageId, also embedded in its text. At the end every conversation is
 * read back with its token and each clientMessageId acknowledged with 201 must be stored exactly once: "messages
 * lost" is the number acknowledged but missing, "duplicated" the number stored more than once.</li>
 * <li>{@code --client socket} (default) is a minimal blocking HTTP/1.1 client on raw sockets, cheaper per request on
 * one core than {@code --client jdk} (java.net.http.HttpClient, HTTP/1.1); both keep at most --connections
 * connections open.</li>
 * </ul>
 */
public class LoadGenerator {

    // ---------------------------------------------------------------- options

    static String base = "http://127.0.0.1:8094";
    static int conversations = 200;
    static double rate = 600;
    static int durationSeconds = 60;
    static int warmupSeconds = 15;
    static int connections = 32;
    static String client = "socket";
    static int timeoutMillis = 10_000;
    static int textLength = 80;
    static boolean verify = true;
    static String label = "";
    static String getPath = null;
    static String questionsFile = null;
    static List<String> questions = List.of();
    static int settleSeconds = 0;
    static int pauseSeconds = 0;
    static boolean startConversations = false;
    static final long RUN = System.currentTimeMillis();
    static final java.util.concurrent.ConcurrentLinkedQueue<Conversation> started = new java.util.concurrent.ConcurrentLinkedQueue<>();

    static String host;
    static int port;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--base" -> { base = v; i++; }
                case "--conversations" -> { conversations = Integer.parseInt(v); i++; }
                case "--rate" -> { rate = Double.parseDouble(v); i++; }
                case "--duration" -> { durationSeconds = Integer.parseInt(v); i++; }
                case "--warmup" -> { warmupSeconds = Integer.parseInt(v); i++; }
                case "--connections" -> { connections = Integer.parseInt(v); i++; }
                case "--client" -> { client = v; i++; }
                case "--timeout-ms" -> { timeoutMillis = Integer.parseInt(v); i++; }
                case "--text-length" -> { textLength = Integer.parseInt(v); i++; }
                case "--no-verify" -> verify = false;
                case "--label" -> { label = v; i++; }
                case "--get" -> { getPath = v; i++; verify = false; }
                case "--questions" -> { questionsFile = v; i++; }
                case "--settle" -> { settleSeconds = Integer.parseInt(v); i++; }
                case "--pause" -> { pauseSeconds = Integer.parseInt(v); i++; }
                case "--start-conversations" -> startConversations = true;
                case "-h", "--help" -> { usage(); return; }
                default -> { System.err.println("unknown option " + a); usage(); System.exit(2); }
            }
        }
        URI uri = URI.create(base);
        host = uri.getHost();
        port = uri.getPort() < 0 ? 80 : uri.getPort();
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--base must be http://host:port");
        }
        if (questionsFile != null) {
            Pattern question = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
            List<String> read = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(questionsFile))) {
                Matcher q = question.matcher(line);
                String text = q.find() ? q.group(1) : line.startsWith("{") ? null : line.strip().replace("\"", "'");
                if (text != null && !text.isBlank()) {
                    read.add(text);
                }
            }
            if (read.isEmpty()) {
                throw new IllegalArgumentException("no questions in " + questionsFile);
            }
            questions = List.copyOf(read);
        }
        new LoadGenerator().run();
    }

    static void usage() {
        System.out.println("""
                java bench/LoadGenerator.java [options]
                  --base URL            server (default http://127.0.0.1:8094)
                  --conversations N     conversations the messages are spread over, round robin (default 200)
                  --rate R              target messages per second, open loop (default 600)
                  --duration S          measured seconds after the warm-up (default 60)
                  --warmup S            seconds of load before measuring (default 15)
                  --connections C       keep-alive connections, at most (default 32)
                  --client socket|jdk   raw-socket HTTP/1.1 client or java.net.http.HttpClient (default socket)
                  --timeout-ms T        per-request timeout (default 10000)
                  --text-length L       characters per message (default 80)
                  --no-verify           skip reading every conversation back
                  --label TEXT          printed in the result header
                  --questions FILE      message texts: the "question" of each JSONL line (or each line of a text
                                        file), in turn; each message is a real customer question with its marker
                                        appended, so the assistant has something to answer (default: filler text)
                  --settle S            before reading back, wait up to S s for the assistant's replies to arrive
                                        (reply latency is reported from the stored messages' times)
                  --pause S             after creating the conversations, wait S s before the load (lets the
                                        assistant's first replies drain)
                  --start-conversations every send starts a new conversation with the message (one assistant
                                        turn per message, no conversation handed over by earlier turns);
                                        for the assistant's capacity
                  --get PATH            baseline mode: GET PATH at the same open-loop rate instead of posting
                                        messages (e.g. /actuator/health); no conversations, no verification
                """);
    }

    // ---------------------------------------------------------------- run

    record Conversation(String id, String token) {
    }

    /** One scheduled send: conversation index, sequence number, scheduled System.nanoTime(). */
    record Send(int conversation, long seq, long scheduledNanos, boolean measured) {
    }

    /** Per worker results, merged at the end (no contention while running). */
    static final class Tally {
        long[] latency = new long[1 << 16];
        long[] service = new long[1 << 16];
        int n;
        long measuredSent;
        long measuredOk;
        final Map<String, Long> errors = new TreeMap<>();
        // every 201-acknowledged (conversation << 32 | seq) including warm-up, for the loss check
        long[] acked = new long[1 << 14];
        int ackedN;
        long duplicateAcks; // 200 = the server says it already had this clientMessageId
        long lastMeasuredEnd; // System.nanoTime() of the last measured completion

        void record(long latencyNanos, long serviceNanos) {
            if (n == latency.length) {
                latency = Arrays.copyOf(latency, n * 2);
                service = Arrays.copyOf(service, n * 2);
            }
            latency[n] = latencyNanos;
            service[n] = serviceNanos;
            n++;
        }

        void ack(int conversation, long seq) {
            if (ackedN == acked.length) {
                acked = Arrays.copyOf(acked, ackedN * 2);
            }
            acked[ackedN++] = ((long) conversation << 32) | seq;
        }

        void error(String kind) {
            errors.merge(kind, 1L, Long::sum);
        }
    }

    interface Transport extends AutoCloseable {
        /** Returns status and body; throws IOException on a broken connection or timeout. */
        Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException;

        @Override
        void close();
    }

    record Response(int status, String body) {
    }

    final List<Conversation> convs = new ArrayList<>();

    void run() throws Exception {
        String machine = Runtime.getRuntime().availableProcessors() + " CPU(s) visible to the generator";
        System.out.printf(Locale.ROOT, "# LoadGenerator %s%n# base=%s client=%s connections=%d conversations=%d rate=%.0f/s "
                + "warmup=%ds duration=%ds text=%d chars (%s)%n", label, base, client, connections, conversations, rate,
                warmupSeconds, durationSeconds, textLength, machine);

        if (getPath == null) {
            if (!startConversations) {
                createConversations();
            }
            if (pauseSeconds > 0) {
                Thread.sleep(pauseSeconds * 1000L);
            }
        }

        long total = Math.round(rate * (warmupSeconds + durationSeconds));
        long warmupCount = Math.round(rate * warmupSeconds);
        BlockingQueue<Send> queue = new ArrayBlockingQueue<>((int) Math.min(Integer.MAX_VALUE - 8, total + 16));
        Tally[] tallies = new Tally[connections];
        CountDownLatch done = new CountDownLatch(connections);
        Send poison = new Send(-1, -1, 0, false);
        String filler = "x".repeat(Math.max(0, textLength - 30));
        AtomicLong inFlightMax = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();

        for (int w = 0; w < connections; w++) {
            Tally tally = tallies[w] = new Tally();
            Thread t = new Thread(() -> {
                Transport transport = newTransport();
                try {
                    while (true) {
                        Send s = queue.take();
                        if (s == poison) {
                            queue.put(poison);
                            break;
                        }
                        int now = inFlight.incrementAndGet();
                        inFlightMax.accumulateAndGet(now, Math::max);
                        long sendStart = System.nanoTime();
                        String kind;
                        try {
                            Response r;
                            if (getPath != null) {
                                r = transport.exchange("GET", getPath, Map.of(), null);
                                // baseline requests count as acknowledged when they succeed
                                r = new Response(r.status() == 200 ? 201 : r.status(), r.body());
                            }
                            else if (startConversations) {
                                String cmid = cmid(s.conversation(), s.seq());
                                String text = questions.isEmpty() ? "bench #" + cmid + "# " + filler
                                        : questions.get((int) (s.seq() % questions.size())) + " (ref bench #" + cmid + "#)";
                                // unique per run: a start key seen within 10 minutes returns the earlier conversation
                                String json = "{\"message\":\"" + text + "\",\"clientMessageId\":\"bench-start-" + RUN + "-"
                                        + cmid + "\"}";
                                r = transport.exchange("POST", "/api/widget/conversations",
                                        Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
                                Matcher id = ID.matcher(r.body());
                                Matcher token = TOKEN.matcher(r.body());
                                if (r.status() == 201 && id.find() && token.find()) {
                                    started.add(new Conversation(id.group(1), token.group(1)));
                                }
                            }
                            else {
                                Conversation c = convs.get(s.conversation());
                                String cmid = cmid(s.conversation(), s.seq());
                                String text = questions.isEmpty() ? "bench #" + cmid + "# " + filler
                                        : questions.get((int) (s.seq() % questions.size())) + " (ref bench #" + cmid + "#)";
                                String json = "{\"text\":\"" + text + "\",\"clientMessageId\":\"" + cmid + "\"}";
                                r = transport.exchange("POST", "/api/widget/conversations/" + c.id() + "/messages",
                                        Map.of("X-Conversation-Token", c.token(), "Content-Type", "application/json"),
                                        json.getBytes(StandardCharsets.UTF_8));
                            }
                            kind = Integer.toString(r.status());
                            if (r.status() == 201 && getPath == null) {
                                tally.ack(s.conversation(), s.seq());
                            }
                            else if (r.status() == 200) {
                                tally.duplicateAcks++;
                            }
                        }
                        catch (SocketTimeoutException | java.net.http.HttpTimeoutException e) {
                            kind = "timeout";
                            transport.close();
                            transport = newTransport();
                        }
                        catch (IOException e) {
                            kind = "io:" + e.getClass().getSimpleName();
                            transport.close();
                            transport = newTransport();
                        }
                        long end = System.nanoTime();
                        inFlight.decrementAndGet();
                        if (s.measured()) {
                            tally.measuredSent++;
                            tally.lastMeasuredEnd = Math.max(tally.lastMeasuredEnd, end);
                            if (kind.equals("201")) {
                                tally.measuredOk++;
                                tally.record(end - s.scheduledNanos(), end - sendStart);
                            }
                            else {
                                tally.error(kind);
                            }
                        }
                        else if (!kind.equals("201")) {
                            tally.error("warmup:" + kind);
                        }
                    }
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finally {
                    transport.close();
                    done.countDown();
                }
            }, "sender-" + w);
            t.setDaemon(true);
            t.start();
        }

        // The scheduler: open loop, sends are due at fixed times whatever the server does.
        System.out.printf(Locale.ROOT, "# load: %d sends (%d warm-up)%n", total, warmupCount);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime() + 50_000_000L;
        long measureStart = start + warmupCount * intervalNanos;
        long maxLag = 0;
        long lastReport = start;
        int[] perConversationSeq = new int[Math.max(1, conversations)];
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long now;
            while ((now = System.nanoTime()) < due) {
                long wait = due - now;
                if (wait > 200_000) {
                    LockSupport.parkNanos(wait - 100_000);
                }
                else {
                    Thread.onSpinWait();
                }
            }
            maxLag = Math.max(maxLag, now - due);
            int conv = (int) (i % Math.max(1, conversations));
            queue.put(new Send(conv, perConversationSeq[conv]++, due, i >= warmupCount));
            if (now - lastReport > 5_000_000_000L) {
                lastReport = now;
                System.out.printf(Locale.ROOT, "#   t=%3ds sent=%d queued=%d in-flight=%d%n",
                        (now - start) / 1_000_000_000L, i, queue.size(), inFlight.get());
            }
        }
        long scheduleEnd = start + total * intervalNanos;
        queue.put(poison);
        boolean finished = done.await(timeoutMillis + 60_000L, TimeUnit.MILLISECONDS);

        // ------------------------------------------------------------ results
        Tally all = new Tally();
        long measuredSent = 0;
        long measuredOk = 0;
        long duplicateAcks = 0;
        long lastEnd = 0;
        Map<String, Long> errors = new TreeMap<>();
        long[] lat = new long[Arrays.stream(tallies).mapToInt(t -> t.n).sum()];
        long[] svc = new long[lat.length];
        int k = 0;
        for (Tally t : tallies) {
            System.arraycopy(t.latency, 0, lat, k, t.n);
            System.arraycopy(t.service, 0, svc, k, t.n);
            k += t.n;
            measuredSent += t.measuredSent;
            measuredOk += t.measuredOk;
            duplicateAcks += t.duplicateAcks;
            lastEnd = Math.max(lastEnd, t.lastMeasuredEnd);
            t.errors.forEach((kk, vv) -> errors.merge(kk, vv, Long::sum));
        }
        Arrays.sort(lat);
        Arrays.sort(svc);
        double measuredWindow = (scheduleEnd - measureStart) / 1e9;
        // achieved throughput: acknowledged messages over the time from the first measured schedule to the later of
        // the last scheduled send and the last measured completion (a server that falls behind scores lower)
        double completionWindow = (Math.max(scheduleEnd, lastEnd) - measureStart) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "target rate            %.0f msg/s%n", rate);
        System.out.printf(Locale.ROOT, "measured sends         %d in %.1f s (%d acknowledged 201)%n", measuredSent,
                measuredWindow, measuredOk);
        System.out.printf(Locale.ROOT, "throughput achieved    %.1f msg/s (acknowledged / time until the last of them completed, "
                + "%.1f s)%n", measuredOk / completionWindow, completionWindow);
        System.out.printf(Locale.ROOT, "scheduler max lag      %.2f ms%n", maxLag / 1e6);
        System.out.printf(Locale.ROOT, "in flight, max         %d of %d connections%n", inFlightMax.get(), connections);
        System.out.printf(Locale.ROOT, "latency from schedule  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                ms(lat, 0.50), ms(lat, 0.90), ms(lat, 0.99), ms(lat, 0.999), ms(lat, 1.0));
        System.out.printf(Locale.ROOT, "service time           p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                ms(svc, 0.50), ms(svc, 0.90), ms(svc, 0.99), ms(svc, 0.999), ms(svc, 1.0));
        System.out.printf(Locale.ROOT, "errors                 %s%n", errors.isEmpty() ? "none" : errors);
        System.out.printf(Locale.ROOT, "duplicate acks (200)   %d%n", duplicateAcks);
        if (!finished) {
            System.out.println("WARNING: some senders did not finish within the timeout");
        }
        long lost = -1;
        if (verify) {
            if (settleSeconds > 0) {
                Thread.sleep(settleSeconds * 1000L);
            }
            lost = startConversations ? verifyStarted() : verifyStored(tallies);
        }
        System.out.printf(Locale.ROOT, "RESULT label=%s rate=%.0f throughput=%.1f p50=%s p90=%s p99=%s max=%s errors=%d lost=%d%n",
                label.isEmpty() ? "-" : label, rate, measuredOk / completionWindow, ms(lat, 0.50), ms(lat, 0.90),
                ms(lat, 0.99), ms(lat, 1.0), errors.values().stream().mapToLong(Long::longValue).sum(), lost);
        System.exit(0);
    }

    static String cmid(int conversation, long seq) {
        return "b" + conversation + "-" + seq;
    }

    static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return String.format(Locale.ROOT, "%.2fms", sorted[i] / 1e6);
    }

    // ---------------------------------------------------------------- setup and verification

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    void createConversations() throws Exception {
        long t0 = System.nanoTime();
        String[] ids = new String[conversations];
        String[] tokens = new String[conversations];
        AtomicInteger next = new AtomicInteger();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        int threads = Math.min(8, conversations);
        Thread[] ts = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            ts[w] = new Thread(() -> {
                try (Transport t = newTransport()) {
                    int i;
                    while ((i = next.getAndIncrement()) < conversations) {
                        String first = questions.isEmpty() ? "bench conversation " + i
                                : questions.get((i * 7 + 3) % questions.size());
                        String body = "{\"message\":\"" + first + "\",\"customer\":{\"name\":\"Bench customer " + i
                                + "\"}}";
                        for (int attempt = 0; ; attempt++) {
                            try {
                                Response r = t.exchange("POST", "/api/widget/conversations",
                                        Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
                                if (r.status() != 201) {
                                    failures.merge("status " + r.status() + ": " + r.body(), 1L, Long::sum);
                                    break;
                                }
                                Matcher id = ID.matcher(r.body());
                                Matcher token = TOKEN.matcher(r.body());
                                if (id.find() && token.find()) {
                                    ids[i] = id.group(1);
                                    tokens[i] = token.group(1);
                                }
                                break;
                            }
                            catch (IOException e) {
                                if (attempt >= 3) {
                                    failures.merge(e.toString(), 1L, Long::sum);
                                    break;
                                }
                            }
                        }
                    }
                }
            });
            ts[w].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not create conversations (is TANDEM_CHANNEL_RATELIMIT_ENABLED=false?): "
                    + failures);
        }
        for (int i = 0; i < conversations; i++) {
            convs.add(new Conversation(ids[i], tokens[i]));
        }
        System.out.printf(Locale.ROOT, "# created %d conversations in %.1f s%n", conversations, (System.nanoTime() - t0) / 1e9);
    }

    long verifyStored(Tally[] tallies) throws Exception {
        long t0 = System.nanoTime();
        // acknowledged seqs per conversation
        Map<Integer, List<Long>> acked = new HashMap<>();
        long ackedTotal = 0;
        for (Tally t : tallies) {
            for (int i = 0; i < t.ackedN; i++) {
                long v = t.acked[i];
                acked.computeIfAbsent((int) (v >>> 32), x -> new ArrayList<>()).add(v & 0xffffffffL);
                ackedTotal++;
            }
        }
        long lost = 0;
        long duplicated = 0;
        long storedBench = 0;
        Pattern marker = Pattern.compile("bench #(b\\d+-\\d+)#");
        Replies replies = new Replies();
        try (Transport t = newTransport()) {
            for (int c = 0; c < conversations; c++) {
                Conversation conv = convs.get(c);
                Response r = null;
                for (int attempt = 0; attempt < 5 && r == null; attempt++) {
                    try {
                        r = t.exchange("GET", "/api/widget/conversations/" + conv.id(),
                                Map.of("X-Conversation-Token", conv.token()), null);
                    }
                    catch (IOException e) {
                        if (attempt == 4) {
                            throw e;
                        }
                    }
                }
                if (r.status() != 200) {
                    throw new IllegalStateException("GET conversation " + conv.id() + " answered " + r.status());
                }
                replies.read(r.body(), marker);
                Map<String, Integer> counts = new HashMap<>();
                Matcher m = marker.matcher(r.body());
                while (m.find()) {
                    counts.merge(m.group(1), 1, Integer::sum);
                    storedBench++;
                }
                for (long seq : acked.getOrDefault(c, List.of())) {
                    int n = counts.getOrDefault(cmid(c, seq), 0);
                    if (n == 0) {
                        lost++;
                    }
                    else if (n > 1) {
                        duplicated++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "verification           %d acknowledged (incl. warm-up), %d bench messages stored; "
                + "read back %d conversations in %.1f s%n", ackedTotal, storedBench, conversations,
                (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "messages lost          %d%n", lost);
        System.out.printf(Locale.ROOT, "messages duplicated    %d%n", duplicated);
        System.out.printf(Locale.ROOT, "stored, not acked      %d (timed-out or failed requests that were stored anyway)%n",
                storedBench - ackedTotal + duplicated);
        replies.print();
        return lost + duplicated;
    }

    /** Reads back every conversation a send started: its message is there, and the assistant's reply after it. */
    long verifyStarted() throws Exception {
        Pattern marker = Pattern.compile("bench #(b\\d+-\\d+)#");
        Replies replies = new Replies();
        long lost = 0;
        try (Transport t = newTransport()) {
            for (Conversation conv : started) {
                Response r = t.exchange("GET", "/api/widget/conversations/" + conv.id(),
                        Map.of("X-Conversation-Token", conv.token()), null);
                if (r.status() != 200 || !marker.matcher(r.body()).find()) {
                    lost++;
                }
                replies.read(r.body(), marker);
            }
        }
        System.out.printf(Locale.ROOT, "verification           %d conversations started and read back%n", started.size());
        System.out.printf(Locale.ROOT, "messages lost          %d%n", lost);
        replies.print();
        return lost;
    }

    /**
     * The assistant's replies as stored: for every bench message, the time from its createdAt to the next message
     * of the AI (or a SYSTEM notice of a handoff), as the server stamped them. A late notice (the assistant's turn
     * waited past the reply deadline) is counted apart, as is a message with no reply yet.
     */
    static final class Replies {

        static final Pattern MESSAGE = Pattern.compile("\"author\":\"(\\w+)\",\"authorName\":(?:null|\"(?:[^\"\\\\]|\\\\.)*\"),"
                + "\"text\":\"((?:[^\"\\\\]|\\\\.)*)\",\"createdAt\":\"([^\"]+)\"");
        static final String LATE = "taking longer than usual";

        long[] latency = new long[1 << 12];
        int n;
        long late;
        long unanswered;
        long handedOver;

        void read(String conversation, Pattern marker) {
            Matcher m = MESSAGE.matcher(conversation);
            List<String[]> messages = new ArrayList<>();
            while (m.find()) {
                messages.add(new String[] { m.group(1), m.group(2), m.group(3) });
            }
            for (int i = 0; i < messages.size(); i++) {
                String[] message = messages.get(i);
                if (!message[0].equals("CUSTOMER") || !marker.matcher(message[1]).find()) {
                    continue;
                }
                String[] reply = null;
                for (int j = i + 1; j < messages.size() && reply == null; j++) {
                    if (!messages.get(j)[0].equals("CUSTOMER") && !messages.get(j)[0].equals("AGENT")) {
                        reply = messages.get(j);
                    }
                }
                if (reply == null) {
                    unanswered++;
                } else if (reply[1].contains(LATE)) {
                    late++;
                } else {
                    if (reply[0].equals("SYSTEM")) {
                        handedOver++;
                    }
                    if (n == latency.length) {
                        latency = Arrays.copyOf(latency, n * 2);
                    }
                    latency[n++] = java.time.Duration.between(java.time.Instant.parse(message[2]),
                            java.time.Instant.parse(reply[2])).toNanos();
                }
            }
        }

        void print() {
            long[] sorted = Arrays.copyOf(latency, n);
            Arrays.sort(sorted);
            long total = n + late + unanswered;
            System.out.printf(Locale.ROOT, "assistant replies      %d of %d bench messages replied in time (%d of them a handoff "
                    + "notice), %d late notices, %d without a reply%n", n, total, handedOver, late, unanswered);
            System.out.printf(Locale.ROOT, "reply latency          p50 %s  p90 %s  p95 %s  p99 %s  max %s (stored times)%n",
                    ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
            System.out.printf(Locale.ROOT, "REPLIES replied=%d late=%d unanswered=%d p50=%s p95=%s p99=%s%n", n, late,
                    unanswered, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
        }
    }

    // ---------------------------------------------------------------- transports

    static Transport newTransport() {
        return "jdk".equals(client) ? new JdkTransport() : new SocketTransport();
    }

    /** Minimal HTTP/1.1 keep-alive client: Content-Length and chunked bodies, reconnects when needed. */
    static final class SocketTransport implements Transport {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] head = new byte[8192];

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }

        @Override
        public Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
            if (socket == null) {
                connect();
            }
            StringBuilder req = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\nAccept: application/json\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                req.append("Content-Length: ").append(body.length).append("\r\n");
            }
            req.append("\r\n");
            byte[] h = req.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = body == null ? h : Arrays.copyOf(h, h.length + body.length);
            if (body != null) {
                System.arraycopy(body, 0, all, h.length, body.length);
            }
            out.write(all);
            out.flush();
            return read();
        }

        private Response read() throws IOException {
            String statusLine = line();
            if (statusLine.isEmpty()) {
                throw new EOFException("empty status line");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String l;
            while (!(l = line()).isEmpty()) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(512);
            if (chunked) {
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    copy(body, n);
                    line();
                }
            }
            else if (length >= 0) {
                copy(body, length);
            }
            else {
                in.transferTo(body);
                close = true;
            }
            if (close) {
                close();
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private void copy(ByteArrayOutputStream body, long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 16384)];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new EOFException();
                }
                body.write(buf, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            int n = 0;
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (n < head.length) {
                    head[n++] = (byte) b;
                }
            }
            if (n > 0 && head[n - 1] == '\r') {
                n--;
            }
            return new String(head, 0, n, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // closing
                }
                socket = null;
            }
        }
    }

    /**
     * java.net.http.HttpClient over HTTP/1.1, one client shared by all senders. Each sender waits for its response
     * (send, not sendAsync), so at most --connections requests are in flight and HttpClient's pool, which opens one
     * connection per concurrent HTTP/1.1 request and keeps idle ones, never holds more than that.
     */
    static final class JdkTransport implements Transport {
        private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(timeoutMillis)).build();

        @Override
        public Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
            var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMillis(timeoutMillis))
                .header("Accept", "application/json");
            headers.forEach(b::header);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(r.statusCode(), r.body());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            // shared client; HttpClient has no close() on Java 17
        }
    }
}
