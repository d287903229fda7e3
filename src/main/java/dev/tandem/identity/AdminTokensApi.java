package dev.tandem.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/tokens")
@Tag(name = "Admin: API tokens", description = "Every user's personal API tokens (ADMIN only)")
class AdminTokensApi {

    private final ApiTokens tokens;
    private final UserDirectory directory;

    AdminTokensApi(ApiTokens tokens, UserDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "All API tokens, active and revoked, newest first")
    List<TokenJson> list() {
        Map<UUID, String> usernames = directory.users().stream()
            .collect(Collectors.toMap(UserSummary::id, UserSummary::username));
        return tokens.all().stream().map(t -> TokenJson.of(t, usernames.get(t.userId()))).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token; it stops working at once. Revoking twice is harmless")
    void revoke(@PathVariable UUID id, CurrentUser admin) {
        tokens.revoke(id, admin.username());
    }
}
