package dev.tandem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.knowledge.ArticleAudience;
import dev.tandem.knowledge.ArticleFile;
import dev.tandem.knowledge.ImportKnowledge;

/**
 * {@code java -jar tandem.jar import-knowledge DIR [--publish] [--language xx] [--audience public|internal]}:
 * imports a folder of articles (recursively) into the configured database and prints the report.
 * Spring starts without the web server, the demo data or the search index: a server builds its
 * index from the database when it starts. Exit status 0 when every file was imported or skipped, 1
 * when some failed, 2 when the command could not run.
 */
final class KnowledgeImportCommand {

    static final String USAGE = "usage: import-knowledge DIR [--publish] [--language xx] [--audience public|internal]";
    /** Larger files are not even read: no article file is this big, and an archive is capped below it. */
    private static final long MAX_READ = 64L * 1024 * 1024;

    private KnowledgeImportCommand() {
    }

    private record Options(Path dir, ImportKnowledge.Options options) {
    }

    /**
     * @param args the command line after {@code import-knowledge}
     * @param springArgs extra Spring arguments ({@code --name=value}), such as another data directory
     */
    static int run(List<String> args, PrintStream out, PrintStream err, String... springArgs) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import-knowledge: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<ImportKnowledge.NamedFile> files = new ArrayList<>();
        try {
            files = read(options.dir(), err);
        } catch (IOException e) {
            err.println("import-knowledge: cannot read " + options.dir() + ": " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            err.println("import-knowledge: no files in " + options.dir());
            return 2;
        }
        List<String> spring = new ArrayList<>(List.of("--spring.main.web-application-type=none", "--tandem.demo=false",
                "--tandem.knowledge.indexing=false", "--tandem.ai.warm-up=false",
                // a refused start is explained below in one sentence, not as a stack trace
                "--logging.level.org.springframework.boot.SpringApplication=off",
                "--logging.level.org.springframework.boot.diagnostics=off", "--logging.level.com.zaxxer.hikari=off",
                "--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=error"));
        spring.addAll(Arrays.asList(springArgs));
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(TandemApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(spring.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("import-knowledge: " + whyNotStarted(e));
            return 2;
        }
        try (context) {
            var report = context.getBean(ImportKnowledge.class).importFiles(files, options.options(),
                    "import-knowledge");
            for (var file : report.files()) {
                out.println(line(file));
            }
            out.println(report.summary());
            return report.hasFailures() ? 1 : 0;
        }
    }

    static void main(String[] args) {
        int status;
        try {
            // warnings only, on stderr: stdout holds the report
            status = run(Arrays.asList(args).subList(1, args.length), System.out, System.err,
                    "--logging.config=classpath:logback-eval.xml");
        } catch (RuntimeException e) {
            System.err.println("import-knowledge failed: " + e);
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    private static Options parse(List<String> args) {
        Path dir = null;
        boolean publish = false;
        String language = null;
        ArticleAudience audience = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--publish" -> publish = true;
                case "--language" -> {
                    language = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    if (!language.matches("[a-z]{2}")) {
                        throw new IllegalArgumentException("--language needs a two-letter ISO 639-1 code such as 'en'");
                    }
                }
                case "--audience" -> {
                    String value = value(args, ++i, arg).toUpperCase(Locale.ROOT);
                    if (!value.equals("PUBLIC") && !value.equals("INTERNAL")) {
                        throw new IllegalArgumentException("--audience is 'public' or 'internal'");
                    }
                    audience = ArticleAudience.valueOf(value);
                }
                default -> {
                    if (arg.startsWith("--") || dir != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    dir = Path.of(arg);
                }
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("name the folder to import");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("folder not found: " + dir);
        }
        return new Options(dir, new ImportKnowledge.Options(publish, language, audience));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** Every file below the folder, by path; hidden files and folders are left out. */
    private static List<ImportKnowledge.NamedFile> read(Path dir, PrintStream err) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(Files::isRegularFile)
                .filter(p -> Stream.of(dir.relativize(p).toString().split("[/\\\\]")).noneMatch(s -> s.startsWith(".")))
                .sorted()
                .toList();
        }
        List<ImportKnowledge.NamedFile> files = new ArrayList<>();
        for (Path path : paths) {
            String name = dir.relativize(path).toString().replace('\\', '/');
            String lower = name.toLowerCase(Locale.ROOT);
            if (Files.size(path) > MAX_READ) {
                err.println("import-knowledge: skipped " + name + ": larger than 64 MB");
                continue;
            }
            // other files are only named in the report, so they need not be read
            boolean wanted = ArticleFile.readable(name) || lower.endsWith(".zip");
            files.add(new ImportKnowledge.NamedFile(name, wanted ? Files.readAllBytes(path) : new byte[0]));
        }
        return files;
    }

    private static String line(ImportKnowledge.FileReport file) {
        String what = String.format("%-9s %s", file.outcome(), file.file());
        if (file.articleId() != null) {
            return what + " -> " + file.slug() + " (version " + file.version() + ", " + file.status() + ")";
        }
        return what + ": " + file.detail();
    }

    /** One sentence a person can act on; an H2 file that another process holds is the usual case. */
    static String whyNotStarted(Throwable e) {
        Throwable cause = e;
        Throwable deepest = e;
        while (cause != null) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == 90020
                    || String.valueOf(sql.getMessage()).contains("already in use"))) {
                return "the database is in use by another process, probably a running Tandem server. Stop the server "
                        + "first, or use PostgreSQL (SPRING_DATASOURCE_URL), where the import can run next to it.";
            }
            deepest = cause;
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return "could not start: " + message.lines().findFirst().orElse(message);
    }
}
