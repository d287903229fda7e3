package dev.tandem.knowledge;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The curator's upload form for {@link ImportKnowledge}, and the report of what it did. */
@Controller
@RequestMapping("/knowledge/import")
class KnowledgeImportPage {

    private final ImportKnowledge importer;

    KnowledgeImportPage(ImportKnowledge importer) {
        this.importer = importer;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("audiences", ArticleAudience.values());
        return "knowledge/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean publish, @RequestParam(required = false) String language,
            @RequestParam(required = false) ArticleAudience audience, Principal user, Model model,
            HttpServletResponse response) {
        model.addAttribute("audiences", ArticleAudience.values());
        model.addAttribute("publish", publish);
        model.addAttribute("language", language);
        try {
            var report = importer.importFiles(KnowledgeImportApi.named(files),
                    KnowledgeImportApi.options(publish, language, audience), user.getName());
            model.addAttribute("report", report);
        } catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", KnowledgePages.detail(refused));
        }
        return "knowledge/import";
    }
}
