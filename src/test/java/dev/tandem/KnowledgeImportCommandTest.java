package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-knowledge DIR}: a folder into a fresh H2 file database, without a web server. */
class KnowledgeImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void onH2() {
        // TestDatabase would point the command at the PostgreSQL test schema; this test is about the H2 file
        assumeFalse("postgresql".equals(System.getProperty("tandem.test.database")));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return KnowledgeImportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--tandem.data-dir=" + dir.resolve("data"),
                "--tandem.bootstrap-admin-password=a-password-for-tests");
    }

    @Test
    void importsAFolderRecursivelyAndAgainWithoutChanges() throws IOException, SQLException {
        Path kb = Files.createDirectories(dir.resolve("kb/care"));
        Files.writeString(kb.resolve("wash-a-jacket.md"), "---\ntitle: Wash a jacket\ntags: [care]\n---\nCold water.");
        Files.writeString(kb.getParent().resolve("opening-hours.txt"), "Opening hours\n9 to 5.");
        Files.writeString(kb.getParent().resolve("returns.html"), "<title>Returns</title><p>Within 30 days.</p>");
        Files.write(kb.getParent().resolve("logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
        Files.writeString(Files.createDirectories(kb.getParent().resolve(".git")).resolve("config.md"), "# no");
        Files.writeString(kb.resolve("broken.md"), "---\ntitle: [\n---\n");

        assertThat(run(kb.getParent().toString(), "--publish", "--language", "en")).as(err.toString()).isEqualTo(1);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("CREATED   care/wash-a-jacket.md -> wash-a-jacket (version 1, PUBLISHED)",
                "CREATED   opening-hours.txt -> opening-hours", "CREATED   returns.html -> returns",
                "SKIPPED   logo.png: not a Markdown", "FAILED    care/broken.md: the front matter is not valid YAML",
                "3 created, 0 updated, 0 unchanged, 1 skipped, 1 failed")
            .doesNotContain("config.md");

        Files.delete(kb.resolve("broken.md"));
        assertThat(run(kb.getParent().toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 created, 0 updated, 3 unchanged, 1 skipped");

        try (var db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/tandem"), "sa", "");
                var rows = db.createStatement().executeQuery("select count(*) from article where status = 'PUBLISHED'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void badUsageEndsWithStatus2AndAClearMessage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name the folder", "usage: import-knowledge");
        assertThat(run(dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("folder not found");
        assertThat(run(dir.toString(), "--language", "english")).isEqualTo(2);
        assertThat(run(dir.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument '--frobnicate'");
    }

    @Test
    void aDatabaseInUseIsExplainedInOneSentence() {
        var locked = new IllegalStateException("Failed to start",
                new SQLException("Database may be already in use: \"/data/tandem.mv.db\"", "90020", 90020));
        assertThat(KnowledgeImportCommand.whyNotStarted(locked)).contains("Stop the server first", "PostgreSQL");
        assertThat(KnowledgeImportCommand.whyNotStarted(new IllegalStateException("x", new IOException("disk full"))))
            .isEqualTo("could not start: disk full");
    }
}
