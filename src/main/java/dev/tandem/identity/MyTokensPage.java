package dev.tandem.identity;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user's own API tokens. A new token's secret travels to the next page as a flash
 * attribute, which the session drops once that page has shown it: it is displayed exactly once.
 */
@Controller
@RequestMapping("/profile/tokens")
class MyTokensPage {

    private final ApiTokens tokens;
    private final MyTokens myTokens;

    MyTokensPage(ApiTokens tokens, MyTokens myTokens) {
        this.tokens = tokens;
        this.myTokens = myTokens;
    }

    @GetMapping
    String list(CurrentUser me, Model model) {
        return show(me, model, "", null);
    }

    @PostMapping
    String issue(@RequestParam(defaultValue = "") String name, CurrentUser me, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var issued = tokens.issue(me.id(), name, me.username());
            // Strings, because the flash map is serialised into the session table.
            redirect.addFlashAttribute("issuedName", issued.name());
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            return "redirect:/profile/tokens";
        }
        catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(me, model, name, AdminUsersPage.detail(refused));
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, CurrentUser me, RedirectAttributes redirect) {
        try {
            var name = tokens.find(id).map(ApiTokens.TokenInfo::name).orElse("?");
            myTokens.revoke(me, id);
            redirect.addFlashAttribute("flashInfo", "Revoked the token '" + name + "'; it no longer works.");
        }
        catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", AdminUsersPage.detail(refused));
        }
        return "redirect:/profile/tokens";
    }

    private String show(CurrentUser me, Model model, String name, String error) {
        model.addAttribute("tokens", tokens.of(me.id()));
        model.addAttribute("name", name);
        model.addAttribute("formError", error);
        return "profile/tokens";
    }
}
