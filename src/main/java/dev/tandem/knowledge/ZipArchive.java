package dev.tandem.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tandem.knowledge.ImportKnowledge.FileReport;
import dev.tandem.knowledge.ImportKnowledge.NamedFile;

/**
 * The article files inside a zip archive. Nothing is written to disk, but entry names still come
 * from whoever made the archive: absolute paths and {@code ..} are refused rather than normalised,
 * and the caps count the bytes actually inflated, not the sizes the archive claims (a zip bomb
 * lies about those).
 */
final class ZipArchive {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    private ZipArchive() {
    }

    /** Hands each readable entry to {@code files} and each refused one to {@code skipped}. */
    static void read(NamedFile archive, Consumer<NamedFile> files, Consumer<FileReport> skipped) {
        int entries = 0;
        long total = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive.content()), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = archive.name() + "!/" + entry.getName();
                if (++entries > MAX_ENTRIES) {
                    skipped.accept(FileReport.failed(archive.name(), "the archive has more than " + MAX_ENTRIES
                            + " files; the rest was not read"));
                    return;
                }
                // every entry is read through the caps, skipped ones too: skipping an entry inflates it as well
                byte[] content = readAtMost(zip, ImportKnowledge.MAX_FILE_BYTES);
                if (content == null) {
                    skipped.accept(FileReport.failed(name, "larger than " + megabytes(ImportKnowledge.MAX_FILE_BYTES)
                            + " uncompressed; the rest of the archive was not read"));
                    return;
                }
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    skipped.accept(FileReport.failed(archive.name(), "the archive expands to more than "
                            + megabytes(MAX_TOTAL_BYTES) + "; the rest was not read"));
                    return;
                }
                String reason = refusal(entry.getName());
                if (reason != null) {
                    skipped.accept(FileReport.skipped(name, reason));
                    continue;
                }
                files.accept(new NamedFile(name, content));
            }
        } catch (IOException | IllegalArgumentException e) {
            skipped.accept(FileReport.failed(archive.name(), "not a readable zip archive"
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "")));
            return;
        }
        if (entries == 0) {
            skipped.accept(FileReport.failed(archive.name(), "not a zip archive, or one without files"));
        }
    }

    private static String refusal(String path) {
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*")
                || List.of(normal.split("/")).contains("..")) {
            return "unsafe path (absolute, or leading out of the archive with '..'); not read";
        }
        String base = normal.substring(normal.lastIndexOf('/') + 1);
        if (normal.startsWith("__MACOSX/") || base.startsWith(".")) {
            return "hidden or system file";
        }
        if (base.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return "archives inside archives are not read";
        }
        if (!ArticleFile.readable(base)) {
            return "not a Markdown (.md), HTML (.html) or text (.txt) file";
        }
        return null;
    }

    /** The stream's bytes, or null when there are more than {@code limit}. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
