package dev.tandem.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Turns files into articles: Markdown (with or without front matter), HTML, plain text, and zip
 * archives of those. A file whose slug exists updates that article (a new version, or nothing when
 * the text is the same); a translation names its original's slug and is written after it. Each
 * article is written in its own transaction, so one bad file is reported and the others still land;
 * no article is ever half-written.
 */
@Service
public class ImportKnowledge {

    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final int MAX_ARTICLES = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ImportKnowledge.class);

    /** A file as uploaded or found on disk; the name may include folders. */
    public record NamedFile(String name, byte[] content) {

        public NamedFile {
            Objects.requireNonNull(name);
            Objects.requireNonNull(content);
        }
    }

    /**
     * @param publish publish what is imported (otherwise new articles are drafts and existing ones keep their status)
     * @param language for files that do not say; null means English for new articles and no change for existing ones
     * @param audience for files that do not say; null means public for new articles and no change for existing ones
     */
    public record Options(boolean publish, String language, ArticleAudience audience) {

        public static Options drafts() {
            return new Options(false, null, null);
        }
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED
    }

    /**
     * What happened to one file.
     *
     * @param detail why a file was skipped or failed; null otherwise
     */
    public record FileReport(String file, Outcome outcome, String slug, UUID articleId, Integer version,
            ArticleStatus status, String detail) {

        static FileReport skipped(String file, String why) {
            return new FileReport(file, Outcome.SKIPPED, null, null, null, null, why);
        }

        static FileReport failed(String file, String why) {
            return new FileReport(file, Outcome.FAILED, null, null, null, null, why);
        }

        static FileReport failed(String file, String slug, String why) {
            return new FileReport(file, Outcome.FAILED, slug, null, null, null, why);
        }
    }

    public record ImportReport(List<FileReport> files) {

        public ImportReport {
            files = List.copyOf(files);
        }

        public long count(Outcome outcome) {
            return files.stream().filter(f -> f.outcome() == outcome).count();
        }

        public boolean hasFailures() {
            return count(Outcome.FAILED) > 0;
        }

        /** "3 created, 1 updated, 0 unchanged, 2 skipped, 0 failed". */
        public String summary() {
            return count(Outcome.CREATED) + " created, " + count(Outcome.UPDATED) + " updated, "
                    + count(Outcome.UNCHANGED) + " unchanged, " + count(Outcome.SKIPPED) + " skipped, "
                    + count(Outcome.FAILED) + " failed";
        }
    }

    private final ArticleRepository articles;
    private final WriteArticle write;
    private final PublishArticle publish;
    private final TransactionTemplate transactions;
    private final ArticleQuestions questions;

    ImportKnowledge(ArticleRepository articles, WriteArticle write, PublishArticle publish,
            TransactionTemplate transactions, ArticleQuestions questions) {
        this.articles = articles;
        this.questions = questions;
        this.write = write;
        this.publish = publish;
        this.transactions = transactions;
    }

    /** A parsed file waiting to be written; its report takes the file's place in the order given. */
    private record Pending(int position, String file, ArticleFile article) {
    }

    public ImportReport importFiles(List<NamedFile> files, Options options, String by) {
        Map<Integer, FileReport> reports = new HashMap<>();
        List<NamedFile> candidates = new ArrayList<>();
        List<FileReport> early = new ArrayList<>();
        for (NamedFile file : files) {
            if (file.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                ZipArchive.read(file, candidates::add, early::add);
            } else {
                candidates.add(file);
            }
        }
        List<Pending> pending = new ArrayList<>();
        Map<String, String> slugFiles = new HashMap<>();
        int position = 0;
        for (NamedFile file : candidates) {
            int at = position++;
            if (pending.size() >= MAX_ARTICLES) {
                reports.put(at, FileReport.skipped(file.name(), "more than " + MAX_ARTICLES + " files in one import"));
                continue;
            }
            try {
                ArticleFile article = read(file);
                String earlier = slugFiles.putIfAbsent(article.slug(), file.name());
                if (earlier != null) {
                    reports.put(at, FileReport.failed(file.name(), article.slug(),
                            "the slug '" + article.slug() + "' is also that of " + earlier + " in this import"));
                } else {
                    pending.add(new Pending(at, file.name(), article));
                }
            } catch (IllegalArgumentException e) {
                reports.put(at, ArticleFile.readable(file.name()) ? FileReport.failed(file.name(), e.getMessage())
                        : FileReport.skipped(file.name(), e.getMessage()));
            }
        }
        Map<String, UUID> written = new HashMap<>();
        // originals before their translations, so that a translation can find its original by slug
        List<Pending> ordered = new ArrayList<>(pending.stream().filter(p -> p.article().translationOf() == null).toList());
        ordered.addAll(pending.stream().filter(p -> p.article().translationOf() != null).toList());
        for (Pending p : ordered) {
            FileReport report = write(p, options, by, written);
            if (report.articleId() != null) {
                written.put(report.slug(), report.articleId());
            }
            reports.put(p.position(), report);
        }
        List<FileReport> all = new ArrayList<>(early);
        new java.util.TreeMap<>(reports).values().forEach(all::add);
        return new ImportReport(all);
    }

    private static ArticleFile read(NamedFile file) {
        if (!ArticleFile.readable(file.name())) {
            throw new IllegalArgumentException("not a Markdown (.md), HTML (.html), text (.txt) or zip file");
        }
        if (file.content().length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("larger than " + ZipArchive.megabytes(MAX_FILE_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.content())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text (save it as UTF-8 and import it again)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("contains NUL characters: a binary file, not text");
        }
        ArticleFile article = ArticleFile.parse(file.name(), text);
        if (article.slug().isEmpty()) {
            throw new IllegalArgumentException("no slug can be made from the file name; name it like 'return-an-item.md'");
        }
        return article;
    }

    private FileReport write(Pending p, Options options, String by, Map<String, UUID> written) {
        ArticleFile file = p.article();
        try {
            return transactions.execute(tx -> {
                Article existing = articles.findBySlug(file.slug()).orElse(null);
                UUID original = null;
                if (file.translationOf() != null) {
                    original = written.get(file.translationOf());
                    if (original == null) {
                        original = articles.findBySlug(file.translationOf()).map(Article::id)
                            .orElseThrow(() -> ArticleProblems.invalid("translation_of names '" + file.translationOf()
                                    + "', which is neither in this import nor in the knowledge base."));
                    }
                } else if (existing != null) {
                    original = existing.translationOf();
                }
                var draft = new WriteArticle.Draft(file.slug(), file.title(), file.body(),
                        file.tags() != null ? file.tags() : existing != null ? existing.tags() : List.of(),
                        file.language() != null ? file.language()
                                : options.language() != null ? options.language()
                                : existing != null ? existing.language() : "en",
                        file.audience() != null ? file.audience()
                                : options.audience() != null ? options.audience()
                                : existing != null ? existing.audience() : ArticleAudience.PUBLIC,
                        original);
                Article saved;
                Outcome outcome;
                if (existing == null) {
                    saved = write.create(draft, by);
                    outcome = Outcome.CREATED;
                } else if (sameAs(existing, ArticleProblems.checked(draft))) {
                    saved = existing;
                    outcome = Outcome.UNCHANGED;
                } else {
                    saved = write.update(existing.id(), draft, by);
                    outcome = Outcome.UPDATED;
                }
                if (file.questions() != null
                        && !file.questions().equals(questions.of(saved.id()).stream()
                            .filter(q -> q.source() == QuestionSource.CURATED).map(q -> q.question()).toList())) {
                    questions.replaceCurated(saved.id(), file.questions(), by);
                    if (outcome == Outcome.UNCHANGED) {
                        outcome = Outcome.UPDATED;
                    }
                }
                if (options.publish() && saved.status() != ArticleStatus.PUBLISHED) {
                    saved = publish.publish(saved.id());
                }
                return new FileReport(p.file(), outcome, saved.slug(), saved.id(), saved.currentVersion(),
                        saved.status(), null);
            });
        } catch (ErrorResponseException e) {
            return FileReport.failed(p.file(), file.slug(), e.getBody().getDetail());
        } catch (RuntimeException e) {
            log.error("Could not import {}", p.file(), e);
            return FileReport.failed(p.file(), file.slug(), "could not be saved; the error was logged");
        }
    }

    private static boolean sameAs(Article a, WriteArticle.Draft d) {
        return a.slug().equals(d.slug()) && a.title().equals(d.title()) && a.body().equals(d.body())
                && a.tags().equals(d.tags()) && a.language().equals(d.language()) && a.audience() == d.audience()
                && Objects.equals(a.translationOf(), d.translationOf());
    }
}
