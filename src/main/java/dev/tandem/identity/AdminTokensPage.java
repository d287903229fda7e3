package dev.tandem.identity;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/tokens")
class AdminTokensPage {

    private final ApiTokens tokens;
    private final UserDirectory directory;

    AdminTokensPage(ApiTokens tokens, UserDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @GetMapping
    String list(Model model) {
        Map<UUID, UserSummary> owners = directory.users().stream()
            .collect(Collectors.toMap(UserSummary::id, u -> u));
        model.addAttribute("tokens", tokens.all().stream().map(t -> new TokenRow(t, owners.get(t.userId()))).toList());
        return "admin/tokens";
    }

    record TokenRow(ApiTokens.TokenInfo token, UserSummary owner) {
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, CurrentUser admin, RedirectAttributes redirect) {
        try {
            var token = tokens.find(id);
            tokens.revoke(id, admin.username());
            redirect.addFlashAttribute("flashInfo", "Revoked the token '" + token.map(ApiTokens.TokenInfo::name)
                .orElse("?") + "'; it no longer works.");
        }
        catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", AdminUsersPage.detail(refused));
        }
        return "redirect:/admin/tokens";
    }
}
