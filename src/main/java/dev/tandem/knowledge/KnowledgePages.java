package dev.tandem.knowledge;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The curator's pages: the article list with filters, the editor with its live preview, version
 * history, publication, and "try a question". Agents and supervisors get the same pages read-only
 * (the security configuration lets only curators and admins post).
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePages {

    private final Articles articles;
    private final WriteArticle write;
    private final PublishArticle publish;
    private final KnowledgeQuestions questions;
    private final MarkdownPreview markdown;
    private final ArticleQuestions articleQuestions;

    KnowledgePages(Articles articles, WriteArticle write, PublishArticle publish, KnowledgeQuestions questions,
            MarkdownPreview markdown, ArticleQuestions articleQuestions) {
        this.articleQuestions = articleQuestions;
        this.articles = articles;
        this.write = write;
        this.publish = publish;
        this.questions = questions;
        this.markdown = markdown;
    }

    /** The editor's fields as typed, so that a refused save shows them again. */
    record ArticleForm(String slug, String title, String body, String tags, String language, ArticleAudience audience,
            UUID translationOf, Integer version) {

        static ArticleForm blank() {
            return new ArticleForm("", "", "", "", "en", ArticleAudience.PUBLIC, null, null);
        }

        ArticleForm withTitle(String newTitle) {
            return new ArticleForm(slug, newTitle, body, tags, language, audience, translationOf, version);
        }

        ArticleForm withLanguage(String newLanguage) {
            return new ArticleForm(slug, title, body, tags, newLanguage, audience, translationOf, version);
        }

        static ArticleForm of(Article a) {
            return new ArticleForm(a.slug(), a.title(), a.body(), String.join(", ", a.tags()), a.language(),
                    a.audience(), a.translationOf(), a.currentVersion());
        }

        WriteArticle.Draft draft() {
            List<String> tagList = tags == null || tags.isBlank() ? List.of()
                    : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            return new WriteArticle.Draft(slug, title, body, tagList, language, audience, translationOf);
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) String language,
            @RequestParam(required = false) ArticleAudience audience, @RequestParam(required = false) String q,
            Model model, Authentication user) {
        var filter = new Articles.Filter(status, language, audience, q);
        model.addAttribute("articles", articles.list(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", status != null || filter.language() != null || audience != null
                || filter.titleContains() != null);
        model.addAttribute("languages", articles.list(Articles.Filter.ALL).stream().map(Article::language).distinct()
            .sorted().toList());
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("audiences", ArticleAudience.values());
        model.addAttribute("canEdit", canEdit(user));
        return "knowledge/articles";
    }

    /** A new draft; {@code title} and {@code language} prefill it (the knowledge gaps page links here). */
    @GetMapping("/new")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String language,
            Model model, Authentication user) {
        ArticleForm blank = ArticleForm.blank();
        if (title != null && !title.isBlank() && title.length() <= 200) {
            blank = blank.withTitle(title.strip());
        }
        if (language != null && language.matches("[a-z]{2}")) {
            blank = blank.withLanguage(language);
        }
        return showEditor(model, null, blank, null, user);
    }

    @PostMapping
    String create(@ModelAttribute("form") ArticleForm form, BindingResult binding, Principal user, Model model,
            Authentication auth, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            requireNoBindingErrors(binding);
            Article created = write.create(form.draft(), user.getName());
            redirect.addFlashAttribute("flashInfo", "Created the draft " + created.title() + ".");
            return "redirect:/knowledge/" + created.id();
        } catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showEditor(model, null, form, detail(refused), auth);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model, Authentication user, RedirectAttributes redirect) {
        Optional<Article> article = articles.findById(id);
        if (article.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That article does not exist (any more).");
            return "redirect:/knowledge";
        }
        return showEditor(model, article.get(), ArticleForm.of(article.get()), null, user);
    }

    @PostMapping("/{id}")
    String save(@PathVariable UUID id, @ModelAttribute("form") ArticleForm form, BindingResult binding,
            Principal user, Authentication auth, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Optional<Article> article = articles.findById(id);
        if (article.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That article does not exist (any more).");
            return "redirect:/knowledge";
        }
        try {
            requireNoBindingErrors(binding);
            Article saved = write.update(id, form.draft(), form.version(), user.getName());
            redirect.addFlashAttribute("flashInfo", "Saved version " + saved.currentVersion()
                    + (saved.status() == ArticleStatus.PUBLISHED ? "; it is live and being re-indexed." : "."));
            return "redirect:/knowledge/" + id;
        } catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showEditor(model, article.get(), form, detail(refused), auth);
        }
    }

    /** The curated questions an article answers, one a line; learned ones are listed, not edited here. */
    @PostMapping("/{id}/questions")
    String saveQuestions(@PathVariable UUID id, @RequestParam(defaultValue = "") String questions, Principal user,
            RedirectAttributes redirect) {
        try {
            var saved = articleQuestions.replaceCurated(id, questions.lines().toList(), user.getName());
            long curated = saved.stream().filter(q -> q.source() == QuestionSource.CURATED).count();
            redirect.addFlashAttribute("flashInfo", "Saved " + curated + (curated == 1 ? " question" : " questions")
                    + "; the assistant uses them within seconds.");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", detail(refused));
        }
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(id, true, redirect);
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(id, false, redirect);
    }

    private String changeStatus(UUID id, boolean live, RedirectAttributes redirect) {
        try {
            Article article = live ? publish.publish(id) : publish.unpublish(id);
            redirect.addFlashAttribute("flashInfo", live ? "Published " + article.title()
                    + "; it becomes searchable in a moment." : "Unpublished " + article.title()
                    + "; it is a draft again and leaves search.");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", detail(refused));
            return "redirect:/knowledge";
        }
        return "redirect:/knowledge/" + id;
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, Model model, Authentication user,
            RedirectAttributes redirect) {
        Optional<Article> article = articles.findById(id);
        Optional<ArticleVersion> old = article.flatMap(a -> articles.version(id, version));
        if (old.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That version does not exist.");
            return article.isEmpty() ? "redirect:/knowledge" : "redirect:/knowledge/" + id;
        }
        model.addAttribute("article", article.get());
        model.addAttribute("old", old.get());
        model.addAttribute("pageTitle", article.get().title() + " · version " + version);
        model.addAttribute("html", markdown.html(old.get().body()));
        model.addAttribute("canEdit", canEdit(user));
        return "knowledge/version";
    }

    @PostMapping("/{id}/versions/{version}/restore")
    String restore(@PathVariable UUID id, @PathVariable int version, Principal user, RedirectAttributes redirect) {
        try {
            Article saved = write.restore(id, version, user.getName());
            redirect.addFlashAttribute("flashInfo", "Restored version " + version + " as version "
                    + saved.currentVersion() + ".");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", detail(refused));
        }
        return "redirect:/knowledge/" + id;
    }

    /** The editor's live preview (htmx). */
    @PostMapping("/preview")
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("html", markdown.html(body));
        return "knowledge/fragments :: preview";
    }

    /** "Try a question" (htmx): what search finds, with each passage's article, headings and score. */
    @GetMapping("/ask")
    String ask(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "customer") String audience, Model model) {
        model.addAttribute("q", q);
        if (q.isBlank()) {
            model.addAttribute("found", List.of());
            return "knowledge/fragments :: answers";
        }
        try {
            model.addAttribute("found", questions.ask(KnowledgeQuestions.Question.of(q, language, audience, 5)));
        } catch (ErrorResponseException refused) {
            model.addAttribute("found", List.of());
            model.addAttribute("askError", detail(refused));
        }
        return "knowledge/fragments :: answers";
    }

    private String showEditor(Model model, Article article, ArticleForm form, String error, Authentication user) {
        model.addAttribute("article", article);
        model.addAttribute("pageTitle", article != null ? article.title() : "New article");
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute("html", markdown.html(form.body()));
        model.addAttribute("audiences", ArticleAudience.values());
        model.addAttribute("originals", articles.list(Articles.Filter.ALL).stream()
            .filter(a -> a.translationOf() == null && (article == null || !a.id().equals(article.id())))
            .toList());
        model.addAttribute("translations", article == null ? null : articles.translations(article));
        List<ArticleVersion> versions = article == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(articles.versions(article.id()));
        java.util.Collections.reverse(versions);
        model.addAttribute("versions", versions);
        var asked = article == null ? List.<ArticleQuestions.ArticleQuestion>of() : articleQuestions.of(article.id());
        model.addAttribute("curatedQuestions", String.join("\n", asked.stream()
            .filter(q -> q.source() == QuestionSource.CURATED).map(ArticleQuestions.ArticleQuestion::question).toList()));
        model.addAttribute("learnedQuestions", asked.stream().filter(q -> q.source() != QuestionSource.CURATED).toList());
        model.addAttribute("canEdit", canEdit(user));
        return "knowledge/editor";
    }

    static boolean canEdit(Authentication user) {
        return user != null && user.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_CURATOR") || a.getAuthority().equals("ROLE_ADMIN"));
    }

    private static void requireNoBindingErrors(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            var error = binding.getFieldErrors().get(0);
            throw ArticleProblems.invalid("'" + error.getRejectedValue() + "' is not a valid value for "
                    + error.getField() + ".");
        }
    }

    static String detail(ErrorResponseException e) {
        return e.getBody().getDetail() != null ? e.getBody().getDetail() : "The change was refused.";
    }
}
