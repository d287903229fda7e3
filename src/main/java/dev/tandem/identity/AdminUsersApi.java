package dev.tandem.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Admin: users", description = "The support team's accounts, roles, teams, languages and skills (ADMIN only)")
class AdminUsersApi {

    static final int DEFAULT_MAX_CONCURRENT = 5;

    private final UserDirectory directory;
    private final UserAccounts accounts;

    AdminUsersApi(UserDirectory directory, UserAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    record NewUserJson(@NotBlank(message = "is required") String username,
            @NotBlank(message = "is required") String displayName, String email,
            @NotNull(message = "is required") String password,
            @NotEmpty(message = "needs at least one of ADMIN, SUPERVISOR, AGENT, CURATOR") Set<@NotNull Role> roles,
            Set<@NotNull UUID> teamIds, Set<@NotBlank String> languages, Set<@NotBlank String> skills,
            @Min(1) @Max(50) Integer maxConcurrent) {
    }

    record UserChangesJson(@NotBlank(message = "is required") String displayName, String email,
            @NotEmpty(message = "needs at least one of ADMIN, SUPERVISOR, AGENT, CURATOR") Set<@NotNull Role> roles,
            Set<@NotNull UUID> teamIds, Set<@NotBlank String> languages, Set<@NotBlank String> skills,
            @NotNull(message = "is required") @Min(1) @Max(50) Integer maxConcurrent,
            @NotNull(message = "is required") Boolean enabled) {
    }

    record NewPasswordJson(@NotNull(message = "is required") String password) {
    }

    @GetMapping
    @Operation(summary = "All users, by display name")
    List<UserJson> list() {
        return directory.users().stream().map(UserJson::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a user; 409 when the username is taken",
            description = "maxConcurrent defaults to " + DEFAULT_MAX_CONCURRENT + "; passwords need 12 to 128 characters")
    ResponseEntity<UserJson> create(@Valid @RequestBody NewUserJson body, CurrentUser admin) {
        var created = accounts.create(new UserAccounts.NewUser(body.username(), body.displayName(), body.email(),
                body.password(), body.roles(), orEmpty(body.teamIds()), orEmpty(body.languages()),
                orEmpty(body.skills()), body.maxConcurrent() == null ? DEFAULT_MAX_CONCURRENT : body.maxConcurrent()),
                admin.username());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id());
        return ResponseEntity.created(location).body(UserJson.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user")
    UserJson get(@PathVariable UUID id) {
        return UserJson.of(directory.user(id).orElseThrow(() -> UserAccounts.notFound(id)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a user's profile, roles, teams, languages, skills and capacity; enabled=false disables",
            description = "teamIds, languages and skills left out become empty; the last active admin cannot lose "
                    + "the role or be disabled")
    UserJson change(@PathVariable UUID id, @Valid @RequestBody UserChangesJson body, CurrentUser admin) {
        return UserJson.of(accounts.change(id, new UserAccounts.UserChanges(body.displayName(), body.email(),
                body.roles(), orEmpty(body.teamIds()), orEmpty(body.languages()), orEmpty(body.skills()),
                body.maxConcurrent(), body.enabled()), admin.username()));
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password (12 to 128 characters)")
    void resetPassword(@PathVariable UUID id, @Valid @RequestBody NewPasswordJson body, CurrentUser admin) {
        accounts.changePassword(id, body.password(), admin.username());
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }
}
