package dev.tandem.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Knowledge: import", description = "Markdown, HTML, plain text and zip archives of them, as articles")
class KnowledgeImportApi {

    private final ImportKnowledge importer;

    KnowledgeImportApi(ImportKnowledge importer) {
        this.importer = importer;
    }

    /** @param counts how many files had each outcome */
    record ImportReportJson(String summary, Map<ImportKnowledge.Outcome, Long> counts,
            List<ImportKnowledge.FileReport> files) {

        static ImportReportJson of(ImportKnowledge.ImportReport report) {
            var counts = new java.util.EnumMap<ImportKnowledge.Outcome, Long>(ImportKnowledge.Outcome.class);
            for (var outcome : ImportKnowledge.Outcome.values()) {
                counts.put(outcome, report.count(outcome));
            }
            return new ImportReportJson(report.summary(), counts, report.files());
        }
    }

    @PostMapping(path = "/api/knowledge/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import files as articles (CURATOR or ADMIN); the report says what happened to each file",
            description = "Files: .md/.markdown (YAML front matter optional: title, slug, tags, language, audience, "
                    + "translation_of), .html/.htm, .txt, and .zip archives of those (other entries are skipped and "
                    + "reported). The slug comes from the file name; a slug that exists gets a new version. Each "
                    + "article is saved on its own: a failed file never leaves a half-written article, and the "
                    + "others are still imported. Answers 200 with the report even when some files failed.")
    ImportReportJson importFiles(@RequestPart("files") List<MultipartFile> files,
            @Parameter(description = "publish the imported articles (default: drafts; existing articles keep their status)")
            @RequestParam(defaultValue = "false") boolean publish,
            @Parameter(description = "ISO 639-1 code for files that do not give one (default: en for new articles)")
            @RequestParam(required = false) String language,
            @Parameter(description = "PUBLIC or INTERNAL for files that do not say (default: PUBLIC for new articles)")
            @RequestParam(required = false) ArticleAudience audience,
            Principal user) {
        return ImportReportJson.of(importer.importFiles(named(files), options(publish, language, audience),
                user.getName()));
    }

    static ImportKnowledge.Options options(boolean publish, String language, ArticleAudience audience) {
        String lang = language == null || language.isBlank() ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (lang != null && !lang.matches("[a-z]{2}")) {
            throw ArticleProblems.invalid("language must be a two-letter ISO 639-1 code such as 'en' (got '"
                    + language + "').");
        }
        return new ImportKnowledge.Options(publish, lang, audience);
    }

    static List<ImportKnowledge.NamedFile> named(List<MultipartFile> files) {
        List<ImportKnowledge.NamedFile> named = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName()
                    : file.getOriginalFilename();
            try {
                named.add(new ImportKnowledge.NamedFile(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (named.isEmpty()) {
            throw ArticleProblems.invalid("No files: send one or more files in the multipart field 'files'.");
        }
        return named;
    }
}
