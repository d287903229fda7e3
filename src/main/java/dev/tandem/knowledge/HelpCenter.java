package dev.tandem.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public help centre: every published public article, readable without an account. The AI
 * assistant's citations link here, so a customer can read the whole article an answer quotes.
 * Drafts and internal articles do not exist for it.
 */
@Controller
class HelpCenter {

    private final Articles articles;
    private final MarkdownPreview markdown;

    HelpCenter(Articles articles, MarkdownPreview markdown) {
        this.articles = articles;
        this.markdown = markdown;
    }

    @GetMapping("/help")
    String index(Model model) {
        Map<String, List<Article>> byLanguage = new TreeMap<>();
        for (Article article : articles.list(new Articles.Filter(ArticleStatus.PUBLISHED, null, ArticleAudience.PUBLIC, null))) {
            byLanguage.computeIfAbsent(article.language(), language -> new ArrayList<>()).add(article);
        }
        model.addAttribute("byLanguage", byLanguage);
        return "help/index";
    }

    @GetMapping("/help/{slug}")
    String article(@PathVariable String slug, Model model) {
        Article article = articles.findBySlug(slug).filter(HelpCenter::isPublic)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No help article '" + slug + "'."));
        var translations = articles.translations(article);
        List<Article> otherLanguages = new ArrayList<>();
        if (translations.original() != null && isPublic(translations.original())) {
            otherLanguages.add(translations.original());
        }
        translations.others().stream().filter(HelpCenter::isPublic).forEach(otherLanguages::add);
        model.addAttribute("article", article);
        model.addAttribute("html", markdown.html(article.body()));
        model.addAttribute("otherLanguages", otherLanguages);
        return "help/article";
    }

    private static boolean isPublic(Article article) {
        return article.status() == ArticleStatus.PUBLISHED && article.audience() == ArticleAudience.PUBLIC;
    }
}
