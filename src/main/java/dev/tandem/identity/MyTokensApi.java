package dev.tandem.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "The caller's own account and personal API tokens (any signed-in user)")
class MyTokensApi {

    private final ApiTokens tokens;
    private final MyTokens myTokens;

    MyTokensApi(ApiTokens tokens, MyTokens myTokens) {
        this.tokens = tokens;
        this.myTokens = myTokens;
    }

    record MeJson(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> teamIds) {
    }

    record TokenNameJson(@NotBlank(message = "is required, such as 'CRM integration'") String name) {
    }

    record IssuedTokenJson(UUID id, String name, String secret, String prefix, Instant createdAt) {
    }

    @GetMapping
    @Operation(summary = "Who am I")
    MeJson me(CurrentUser me) {
        return new MeJson(me.id(), me.username(), me.displayName(), me.roles(), me.teamIds());
    }

    @GetMapping("/tokens")
    @Operation(summary = "My API tokens, newest first")
    List<TokenJson> list(CurrentUser me) {
        return tokens.of(me.id()).stream().map(t -> TokenJson.of(t, me.username())).toList();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Issue a personal API token; the secret is in this answer only, store it now",
            description = "Use it as 'Authorization: Bearer tdm_...'; it acts with your roles")
    ResponseEntity<IssuedTokenJson> issue(@Valid @RequestBody TokenNameJson body, CurrentUser me) {
        var issued = tokens.issue(me.id(), body.name(), me.username());
        var info = tokens.find(issued.id()).orElseThrow();
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(issued.id());
        return ResponseEntity.created(location)
            .body(new IssuedTokenJson(issued.id(), issued.name(), issued.secret(), info.prefix(), info.createdAt()));
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of my tokens; 404 for anyone else's")
    void revoke(@PathVariable UUID id, CurrentUser me) {
        myTokens.revoke(me, id);
    }
}
