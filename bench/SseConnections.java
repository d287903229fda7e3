import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds N customer live streams (server-sent events) open at once and checks they still work.
 *
 * <p>Single file, no dependencies, Java 17: {@code java bench/SseConnections.java --base http://127.0.0.1:8095
 * --connections 2000 --pid <server pid>}. The server needs {@code TANDEM_CHANNEL_RATELIMIT_ENABLED=false}.
 *
 * <ol>
 * <li>creates N conversations (POST /api/widget/conversations);</li>
 * <li>opens one GET /api/widget/conversations/{id}/events?token=... per conversation, all on one NIO selector
 * thread, in batches of --batch (each stream counts as open when its first "status" event arrived);</li>
 * <li>holds them for --hold seconds (the server sends a keep-alive comment every 25 s), counting streams that
 * closed;</li>
 * <li>posts one customer message to --sample of the conversations (spread over all of them) and checks that
 * exactly that stream receives the "message" event, with the delivery time;</li>
 * <li>with --pid, reads the server's heap (jcmd GC.heap_info, before and after a full GC via jcmd GC.run),
 * resident memory and thread count, and counts established server connections (ss);</li>
 * <li>with --pid and --shutdown-server, stops the server (SIGTERM) while the streams are still open and reports
 * how long it took to exit and how many streams the server ended cleanly before it did.</li>
 * </ol>
 */
public class SseConnections {

    static String base = "http://127.0.0.1:8095";
    static int n = 2000;
    static int holdSeconds = 30;
    static int sample = 100;
    static int batch = 200;
    static long pid = -1;
    static String histogram = null;
    static boolean shutdown = false;
    static String host;
    static int port;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--base" -> { base = v; i++; }
                case "--connections" -> { n = Integer.parseInt(v); i++; }
                case "--hold" -> { holdSeconds = Integer.parseInt(v); i++; }
                case "--sample" -> { sample = Integer.parseInt(v); i++; }
                case "--batch" -> { batch = Integer.parseInt(v); i++; }
                case "--pid" -> { pid = Long.parseLong(v); i++; }
                case "--histogram" -> { histogram = v; i++; }
                case "--shutdown-server" -> shutdown = true;
                case "-h", "--help" -> {
                    System.out.println("java bench/SseConnections.java [--base URL] [--connections N] [--hold S] "
                            + "[--sample K] [--batch B] [--pid SERVER_PID] [--histogram FILE] [--shutdown-server]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI uri = URI.create(base);
        host = uri.getHost();
        port = uri.getPort();
        new SseConnections().run();
    }

    // ---------------------------------------------------------------- one stream

    static final class Stream {
        final int index;
        final String id;
        final String token;
        SocketChannel channel;
        // HTTP decoding
        final StringBuilder head = new StringBuilder();
        boolean headDone;
        int status;
        boolean chunked;
        int chunkLeft = -1; // -1: reading a size line; -2: reading the CRLF after a chunk
        final StringBuilder sizeLine = new StringBuilder();
        // SSE decoding
        final StringBuilder line = new StringBuilder();
        String event = "message";
        final StringBuilder data = new StringBuilder();
        boolean open;   // first status event received
        boolean closed;
        int statusEvents;
        int messageEvents;
        int comments;
        final List<String> messageData = new ArrayList<>();

        Stream(int index, String id, String token) {
            this.index = index;
            this.id = id;
            this.token = token;
        }

        void feed(ByteBuffer buf) {
            while (buf.hasRemaining()) {
                if (!headDone) {
                    head.append((char) buf.get());
                    int end = head.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        headDone = true;
                        String h = head.toString();
                        status = Integer.parseInt(h.substring(9, 12));
                        chunked = h.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
                    }
                    continue;
                }
                if (!chunked) {
                    sse((char) (buf.get() & 0xff));
                    continue;
                }
                if (chunkLeft == -1) {
                    char c = (char) buf.get();
                    if (c == '\n') {
                        String s = sizeLine.toString().trim();
                        sizeLine.setLength(0);
                        int semi = s.indexOf(';');
                        if (!s.isEmpty()) {
                            chunkLeft = Integer.parseInt(semi < 0 ? s : s.substring(0, semi), 16);
                            if (chunkLeft == 0) {
                                closed = true; // last chunk: the server ended the stream
                                chunkLeft = -1;
                            }
                        }
                    }
                    else {
                        sizeLine.append(c);
                    }
                }
                else if (chunkLeft == -2) {
                    if (buf.get() == '\n') {
                        chunkLeft = -1;
                    }
                }
                else {
                    sse((char) (buf.get() & 0xff));
                    if (--chunkLeft == 0) {
                        chunkLeft = -2;
                    }
                }
            }
        }

        // the bench only ever sends ASCII, so bytes are characters
        private void sse(char c) {
            if (c == '\r') {
                return;
            }
            if (c != '\n') {
                line.append(c);
                return;
            }
            String l = line.toString();
            line.setLength(0);
            if (l.isEmpty()) {
                dispatch();
            }
            else if (l.startsWith(":")) {
                comments++;
            }
            else if (l.startsWith("event:")) {
                event = l.substring(6).trim();
            }
            else if (l.startsWith("data:")) {
                data.append(l.substring(5));
            }
        }

        private void dispatch() {
            if (data.length() > 0) {
                if (event.equals("status")) {
                    statusEvents++;
                    open = true;
                }
                else if (event.equals("message")) {
                    messageEvents++;
                    messageData.add(data.toString());
                }
            }
            event = "message";
            data.setLength(0);
        }
    }

    // ---------------------------------------------------------------- run

    final List<Stream> streams = new ArrayList<>();
    final Map<String, Long> postedAt = new ConcurrentHashMap<>();

    void run() throws Exception {
        System.out.printf(Locale.ROOT, "# SseConnections base=%s connections=%d hold=%ds sample=%d batch=%d pid=%d%n", base, n,
                holdSeconds, sample, batch, pid);
        createConversations();
        long before = pid > 0 ? heapUsedAfterGc() : -1;
        String baseline = pid > 0 ? serverLine() : "";

        Selector selector = Selector.open();
        long t0 = System.nanoTime();
        int next = 0;
        int opened = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + n / 50);
        while (opened < n && System.nanoTime() < deadline) {
            // keep at most `batch` streams connecting at a time
            int pending = 0;
            for (int i = 0; i < next; i++) {
                Stream s = streams.get(i);
                if (!s.open && !s.closed) {
                    pending++;
                }
            }
            while (pending < batch && next < n) {
                connect(selector, streams.get(next++));
                pending++;
            }
            poll(selector, 20);
            opened = (int) streams.stream().filter(s -> s.open).count();
        }
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        long failed = streams.stream().filter(s -> !s.open).count();
        System.out.printf(Locale.ROOT, "opened                 %d of %d streams in %.1f s (%d failed or not open)%n", opened,
                n, openSeconds, failed);
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        streams.forEach(s -> statuses.merge(s.status, 1L, Long::sum));
        System.out.println("HTTP statuses          " + statuses);

        // hold
        long holdEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(holdSeconds);
        while (System.nanoTime() < holdEnd) {
            poll(selector, 200);
        }
        long stillOpen = streams.stream().filter(s -> s.open && !s.closed && s.channel.isOpen()).count();
        long withHeartbeat = streams.stream().filter(s -> s.comments > 0).count();
        System.out.printf(Locale.ROOT, "after holding %3d s    %d open, %d received a keep-alive comment%n", holdSeconds,
                stillOpen, withHeartbeat);
        long serverConnections = countServerConnections();
        if (serverConnections >= 0) {
            System.out.printf(Locale.ROOT, "server side            %d established connections on port %d (ss)%n",
                    serverConnections, port);
        }
        String heapHeld = "";
        long heapLive = -1;
        if (pid > 0) {
            heapHeld = heapUsed() + " MiB used before GC";
            heapLive = heapUsedAfterGc();
            System.out.printf(Locale.ROOT, "server heap            %s; %d MiB live after a full GC (%d MiB before the "
                    + "streams were opened, so %.1f KiB per stream)%n", heapHeld, heapLive, before,
                    (heapLive - before) * 1024.0 / Math.max(1, stillOpen));
            if (histogram != null) {
                Files.writeString(Path.of(histogram), run("jcmd", Long.toString(pid), "GC.class_histogram"));
            }
            System.out.println("server before          " + baseline);
            System.out.println("server holding         " + serverLine());
        }

        // sample delivery
        List<Stream> sampled = new ArrayList<>();
        int step = Math.max(1, n / Math.max(1, sample));
        for (int i = 0; i < n && sampled.size() < sample; i += step) {
            sampled.add(streams.get(i));
        }
        int[] messagesBefore = streams.stream().mapToInt(s -> s.messageEvents).toArray();
        ExecutorService posters = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Future<Integer>> posts = new ArrayList<>();
        for (Stream s : sampled) {
            posts.add(posters.submit(() -> {
                String cmid = "sse-" + s.index;
                postedAt.put(cmid, System.nanoTime());
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/widget/conversations/" + s.id + "/messages"))
                    .header("Content-Type", "application/json").header("X-Conversation-Token", s.token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"sse check " + cmid + "\",\"clientMessageId\":\""
                            + cmid + "\"}")).build(), HttpResponse.BodyHandlers.discarding());
                return r.statusCode();
            }));
        }
        long[] delivery = new long[sampled.size()];
        Arrays.fill(delivery, -1);
        long sampleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int received = 0;
        while (received < sampled.size() && System.nanoTime() < sampleDeadline) {
            poll(selector, 20);
            long now = System.nanoTime();
            received = 0;
            for (int i = 0; i < sampled.size(); i++) {
                Stream s = sampled.get(i);
                if (delivery[i] < 0) {
                    String cmid = "sse-" + s.index;
                    if (s.messageData.stream().anyMatch(d -> d.contains("sse check " + cmid + "\""))) {
                        Long at = postedAt.get(cmid);
                        delivery[i] = at == null ? 0 : now - at;
                    }
                }
                if (delivery[i] >= 0) {
                    received++;
                }
            }
        }
        int created = 0;
        for (Future<Integer> f : posts) {
            if (f.get() == 201) {
                created++;
            }
        }
        posters.shutdown();
        // nobody else may have received anything
        long strays = 0;
        for (int i = 0; i < n; i++) {
            Stream s = streams.get(i);
            int got = s.messageEvents - messagesBefore[i];
            boolean isSampled = sampled.contains(s);
            if (got != (isSampled ? 1 : 0)) {
                strays += isSampled ? Math.max(0, got - 1) : got;
            }
        }
        long[] d = Arrays.stream(delivery).filter(x -> x >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "message delivery       %d of %d sampled streams got their message event (%d posts "
                + "answered 201); delivery p50 %s max %s; %d events on the wrong stream%n", received, sampled.size(),
                created, ms(d, 0.5), ms(d, 1.0), strays);
        long finalOpen = streams.stream().filter(s -> s.open && !s.closed && s.channel.isOpen()).count();
        System.out.printf(Locale.ROOT, "RESULT connections=%d open=%d delivered=%d/%d heapLiveMiB=%d heapHeld=%s%n", n,
                finalOpen, received, sampled.size(), heapLive, heapHeld.isEmpty() ? "-" : heapHeld.split(" ")[0]);
        if (shutdown && pid > 0) {
            stopServer(selector);
        }
        for (Stream s : streams) {
            s.channel.close();
        }
        System.exit(0);
    }

    /** SIGTERM to the server while the streams are open; how long until it exits, and how it ends the streams. */
    void stopServer(Selector selector) throws IOException {
        var server = ProcessHandle.of(pid);
        if (server.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        server.get().destroy();
        long firstClosed = -1;
        long allClosed = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(90);
        while (server.get().isAlive() && System.nanoTime() < deadline) {
            poll(selector, 20);
            long closed = streams.stream().filter(s -> s.closed).count();
            if (closed > 0 && firstClosed < 0) {
                firstClosed = System.nanoTime() - t0;
            }
            if (closed == streams.size() && allClosed < 0) {
                allClosed = System.nanoTime() - t0;
            }
        }
        long exited = System.nanoTime() - t0;
        long cleanly = streams.stream().filter(s -> s.closed).count();
        System.out.printf(Locale.ROOT, "server stop (SIGTERM)  exited after %.1f s%s; %d of %d streams ended by the server before "
                + "it exited (first after %s, all after %s)%n", exited / 1e9, server.get().isAlive() ? " (STILL RUNNING)" : "",
                cleanly, streams.size(), firstClosed < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", firstClosed / 1e9),
                allClosed < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", allClosed / 1e9));
        System.out.printf(Locale.ROOT, "RESULT shutdownSeconds=%.1f endedByServer=%d%n", exited / 1e9, cleanly);
    }

    void connect(Selector selector, Stream s) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.connect(new InetSocketAddress(host, port));
        s.channel = ch;
        ch.register(selector, SelectionKey.OP_CONNECT, s);
    }

    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    void poll(Selector selector, long millis) throws IOException {
        selector.select(millis);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            Stream s = (Stream) key.attachment();
            try {
                if (key.isConnectable()) {
                    s.channel.finishConnect();
                    String req = "GET /api/widget/conversations/" + s.id + "/events?token=" + s.token + " HTTP/1.1\r\n"
                            + "Host: " + host + ":" + port + "\r\nAccept: text/event-stream\r\n\r\n";
                    ByteBuffer out = ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII));
                    while (out.hasRemaining()) {
                        s.channel.write(out); // small request, the socket buffer takes it at once
                    }
                    key.interestOps(SelectionKey.OP_READ);
                }
                else if (key.isReadable()) {
                    readBuffer.clear();
                    int r = s.channel.read(readBuffer);
                    if (r < 0) {
                        s.closed = true;
                        key.cancel();
                        s.channel.close();
                        continue;
                    }
                    readBuffer.flip();
                    s.feed(readBuffer);
                }
            }
            catch (IOException e) {
                s.closed = true;
                key.cancel();
                s.channel.close();
            }
        }
    }

    // ---------------------------------------------------------------- setup

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    void createConversations() throws Exception {
        long t0 = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = i;
            futures.add(pool.submit(() -> {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/widget/conversations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"sse bench " + idx
                            + "\",\"customer\":{\"name\":\"SSE customer " + idx + "\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("start conversation answered " + r.statusCode() + ": " + r.body()
                            + " (is TANDEM_CHANNEL_RATELIMIT_ENABLED=false?)");
                }
                Matcher id = ID.matcher(r.body());
                Matcher token = TOKEN.matcher(r.body());
                id.find();
                token.find();
                return new String[] { id.group(1), token.group(1) };
            }));
        }
        for (int i = 0; i < n; i++) {
            String[] it = futures.get(i).get();
            streams.add(new Stream(i, it[0], it[1]));
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "# created %d conversations in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- server measurements

    static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return String.format(Locale.ROOT, "%.1fms", sorted[i] / 1e6);
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        }
        catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** Heap in use (MiB) from jcmd GC.heap_info: G1 prints one total, Serial/Parallel print per generation. */
    static long heapUsed() {
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher g1 = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K").matcher(info);
        if (g1.find()) {
            return Long.parseLong(g1.group(1)) / 1024;
        }
        long used = 0;
        Matcher gen = Pattern.compile("(?:def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K")
            .matcher(info);
        while (gen.find()) {
            used += Long.parseLong(gen.group(1));
        }
        return used / 1024;
    }

    static long heapUsedAfterGc() {
        run("jcmd", Long.toString(pid), "GC.run");
        return heapUsed();
    }

    static String serverLine() {
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
            Matcher threads = Pattern.compile("Threads:\\s+(\\d+)").matcher(status);
            long fds;
            try (var list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                fds = list.count();
            }
            return String.format(Locale.ROOT, "RSS %d MiB, %s threads, %d file descriptors",
                    rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1, threads.find() ? threads.group(1) : "?", fds);
        }
        catch (IOException e) {
            return "(no /proc for pid " + pid + ")";
        }
    }

    static long countServerConnections() {
        String out = run("ss", "-Htn", "state", "established", "( sport = :" + port + " )");
        if (out.isEmpty() && !Files.exists(Path.of("/usr/bin/ss")) && !Files.exists(Path.of("/bin/ss"))) {
            return -1;
        }
        return out.lines().filter(l -> !l.isBlank()).count();
    }
}
