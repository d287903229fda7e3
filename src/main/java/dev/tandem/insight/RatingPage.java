package dev.tandem.insight;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The small public page a CSAT email links to: five choices, a comment, a button. It shows nothing of the
 * conversation (no name, no messages, not even the date): the link may be forwarded, and only a rating is asked.
 */
@Controller
class RatingPage {

    private final RatingLinks links;
    private final RateConversation ratings;
    private final InsightProperties.Csat settings;

    RatingPage(RatingLinks links, RateConversation ratings, InsightProperties properties) {
        this.links = links;
        this.ratings = ratings;
        this.settings = properties.csat();
    }

    @GetMapping("/rate/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<UUID> conversation = links.check(token);
        if (conversation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "invalid");
        } else {
            model.addAttribute("state", ratings.rated(conversation.get()) ? "rated" : "ask");
        }
        model.addAttribute("token", token);
        model.addAttribute("maxComment", settings.maxComment());
        return "insight/rate";
    }

    @PostMapping("/rate/{token}")
    String rate(@PathVariable String token, @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        Optional<UUID> conversation = links.check(token);
        model.addAttribute("token", token);
        model.addAttribute("maxComment", settings.maxComment());
        if (conversation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "invalid");
            return "insight/rate";
        }
        try {
            ratings.rate(conversation.get(), rating, comment, RateConversation.Via.EMAIL);
            model.addAttribute("state", "thanks");
        } catch (ErrorResponseException refused) {
            response.setStatus(refused.getStatusCode().value());
            boolean rated = refused.getStatusCode().value() == 409 && ratings.rated(conversation.get());
            model.addAttribute("state", rated ? "rated" : "ask");
            model.addAttribute("error", rated ? null : refused.getBody().getDetail());
            model.addAttribute("comment", comment);
        }
        return "insight/rate";
    }
}
