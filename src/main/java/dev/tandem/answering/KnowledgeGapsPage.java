package dev.tandem.answering;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;

import dev.tandem.knowledge.Article;
import dev.tandem.knowledge.ArticleAudience;
import dev.tandem.knowledge.ArticleStatus;
import dev.tandem.knowledge.Articles;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Curators' list of what customers asked and the assistant could not answer, or answered wrongly. */
@Controller
class KnowledgeGapsPage {

    private static final List<Integer> WINDOWS = List.of(7, 30, 90);

    private final KnowledgeGaps gaps;
    private final WrongAnswers wrongAnswers;
    private final LinkQuestions links;
    private final Articles articles;

    KnowledgeGapsPage(KnowledgeGaps gaps, WrongAnswers wrongAnswers, LinkQuestions links, Articles articles) {
        this.gaps = gaps;
        this.wrongAnswers = wrongAnswers;
        this.links = links;
        this.articles = articles;
    }

    @GetMapping("/knowledge/gaps")
    String show(@RequestParam(defaultValue = "30") String days, Model model) {
        int window = WINDOWS.stream().filter(d -> String.valueOf(d).equals(days)).findFirst().orElse(30);
        model.addAttribute("gaps", gaps.list(Duration.ofDays(window)));
        model.addAttribute("wrongAnswers", wrongAnswers.list(Duration.ofDays(window)));
        model.addAttribute("days", window);
        model.addAttribute("windows", WINDOWS);
        // the articles a gap can be linked to: what customers may be answered from
        model.addAttribute("articles", articles.list(new Articles.Filter(ArticleStatus.PUBLISHED, null,
                ArticleAudience.PUBLIC, null)));
        return "knowledge/gaps";
    }

    /** The article that answers a gap: it learns the gap's wordings, and the gap is dismissed. */
    @PostMapping("/knowledge/gaps/link")
    String link(@RequestParam(name = "id", required = false) List<UUID> ids, @RequestParam UUID articleId,
            @RequestParam(defaultValue = "30") String days, Principal user, RedirectAttributes redirect) {
        int learned = ids == null ? 0 : links.linkGap(ids, articleId, user.getName());
        String title = articles.findById(articleId).map(Article::title).orElse("the article");
        redirect.addFlashAttribute("notice", "Linked to “" + title + "”: it learned " + learned
                + (learned == 1 ? " question." : " questions."));
        redirect.addAttribute("days", days);
        return "redirect:/knowledge/gaps";
    }

    @PostMapping("/knowledge/gaps/dismiss")
    String dismiss(@RequestParam(name = "id", required = false) List<UUID> ids,
            @RequestParam(defaultValue = "30") String days, RedirectAttributes redirect) {
        int dismissed = ids == null ? 0 : gaps.dismiss(ids);
        redirect.addFlashAttribute("notice", dismissed == 1 ? "1 question dismissed." : dismissed + " questions dismissed.");
        redirect.addAttribute("days", days);
        return "redirect:/knowledge/gaps";
    }
}
