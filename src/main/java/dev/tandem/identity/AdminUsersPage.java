package dev.tandem.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
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

/** The admin pages for the support team's accounts: list, create, edit, reset password, disable. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersPage {

    private final UserDirectory directory;
    private final UserAccounts accounts;

    AdminUsersPage(UserDirectory directory, UserAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** What the create form posts; kept as typed so that a refused form shows it again. */
    record NewUserForm(String username, String displayName, String email, String password, Set<Role> roles,
            Set<UUID> teamIds, String languages, String skills, Integer maxConcurrent) {

        static NewUserForm blank() {
            return new NewUserForm("", "", "", "", Set.of(Role.AGENT), Set.of(), "en", "",
                    AdminUsersApi.DEFAULT_MAX_CONCURRENT);
        }
    }

    record ProfileForm(String displayName, String email, Set<Role> roles, Set<UUID> teamIds, String languages,
            String skills, Integer maxConcurrent) {

        static ProfileForm of(UserSummary user) {
            return new ProfileForm(user.displayName(), user.email(), user.roles(), user.teamIds(),
                    joined(user.languages()), joined(user.skills()), user.maxConcurrent());
        }
    }

    @GetMapping
    String list(Model model) {
        return showList(model, NewUserForm.blank(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") NewUserForm form, BindingResult binding, CurrentUser admin, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            requireNoBindingErrors(binding);
            UserSummary created = accounts.create(new UserAccounts.NewUser(form.username(), form.displayName(),
                    form.email(), form.password() == null ? "" : form.password(), orEmpty(form.roles()),
                    orEmpty(form.teamIds()), split(form.languages()), split(form.skills()),
                    form.maxConcurrent() == null ? AdminUsersApi.DEFAULT_MAX_CONCURRENT : form.maxConcurrent()),
                    admin.username());
            redirect.addFlashAttribute("flashInfo", "Created " + created.displayName() + " (" + created.username()
                    + "). Share the password with them over a safe channel.");
            return "redirect:/admin/users";
        }
        catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var kept = new NewUserForm(form.username(), form.displayName(), form.email(), "", form.roles(),
                    form.teamIds(), form.languages(), form.skills(), form.maxConcurrent());
            return showList(model, kept, detail(refused));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        var user = directory.user(id);
        if (user.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That user does not exist (any more).");
            return "redirect:/admin/users";
        }
        return showEdit(model, user.get(), ProfileForm.of(user.get()), null, null);
    }

    @PostMapping("/{id}")
    String change(@PathVariable UUID id, @ModelAttribute("form") ProfileForm form, BindingResult binding,
            CurrentUser admin, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var user = directory.user(id);
        if (user.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That user does not exist (any more).");
            return "redirect:/admin/users";
        }
        try {
            requireNoBindingErrors(binding);
            accounts.change(id, new UserAccounts.UserChanges(form.displayName(), form.email(), orEmpty(form.roles()),
                    orEmpty(form.teamIds()), split(form.languages()), split(form.skills()),
                    form.maxConcurrent() == null ? 0 : form.maxConcurrent(), user.get().enabled()), admin.username());
            redirect.addFlashAttribute("flashInfo", "Saved the changes to " + form.displayName().trim() + ".");
            return "redirect:/admin/users/" + id;
        }
        catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showEdit(model, user.get(), form, detail(refused), null);
        }
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, CurrentUser admin, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var user = directory.user(id);
        if (user.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That user does not exist (any more).");
            return "redirect:/admin/users";
        }
        try {
            if (!password.equals(confirmation)) {
                throw UserAccounts.invalid("The two passwords differ.");
            }
            accounts.changePassword(id, password, admin.username());
            redirect.addFlashAttribute("flashInfo", "Set a new password for " + user.get().displayName() + ".");
            return "redirect:/admin/users/" + id;
        }
        catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showEdit(model, user.get(), ProfileForm.of(user.get()), null, detail(refused));
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, CurrentUser admin,
            RedirectAttributes redirect) {
        var user = directory.user(id);
        if (user.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That user does not exist (any more).");
            return "redirect:/admin/users";
        }
        UserSummary u = user.get();
        try {
            accounts.change(id, new UserAccounts.UserChanges(u.displayName(), u.email(), u.roles(), u.teamIds(),
                    u.languages(), u.skills(), u.maxConcurrent(), enabled), admin.username());
            redirect.addFlashAttribute("flashInfo", (enabled ? "Enabled " : "Disabled ") + u.displayName()
                    + (enabled ? "; they can sign in again." : "; they can no longer sign in or use their API tokens."));
        }
        catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", detail(refused));
        }
        return "redirect:/admin/users/" + id;
    }

    private String showList(Model model, NewUserForm form, String error) {
        Map<UUID, String> teamNames = teamNames();
        model.addAttribute("users", directory.users().stream()
            .map(u -> UserRow.of(u, teamNames))
            .toList());
        model.addAttribute("teams", directory.teams());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        return "admin/users";
    }

    private String showEdit(Model model, UserSummary user, ProfileForm form, String profileError, String passwordError) {
        model.addAttribute("user", user);
        model.addAttribute("initial", initialOf(user));
        model.addAttribute("tone", toneOf(user));
        model.addAttribute("teams", directory.teams());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("formError", profileError);
        model.addAttribute("passwordError", passwordError);
        return "admin/user";
    }

    record UserRow(UserSummary user, List<String> teams, List<Role> roles, List<String> languages,
            List<String> skills, String initial, int tone) {

        static UserRow of(UserSummary user, Map<UUID, String> teamNames) {
            return new UserRow(user,
                    user.teamIds().stream().map(teamNames::get).filter(java.util.Objects::nonNull).sorted().toList(),
                    user.roles().stream().sorted(Comparator.naturalOrder()).toList(),
                    user.languages().stream().sorted().toList(), user.skills().stream().sorted().toList(),
                    initialOf(user), toneOf(user));
        }
    }

    /** The avatar's letter and one of eight colours, stable per user. */
    static String initialOf(UserSummary user) {
        return user.displayName().isEmpty() ? "?" : user.displayName().substring(0, 1).toUpperCase();
    }

    static int toneOf(UserSummary user) {
        return Math.floorMod(user.username().hashCode(), 8);
    }

    private Map<UUID, String> teamNames() {
        return directory.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
    }

    /** A value the browser could not turn into the field's type, such as letters in a number field. */
    private static void requireNoBindingErrors(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            var error = binding.getFieldErrors().get(0);
            throw UserAccounts.invalid("'" + error.getRejectedValue() + "' is not a valid value for "
                    + switch (error.getField()) {
                        case "maxConcurrent" -> "maximum concurrent conversations; give a number from 1 to 50.";
                        case "teamIds" -> "teams.";
                        case "roles" -> "roles.";
                        default -> error.getField() + ".";
                    });
        }
    }

    static String detail(ErrorResponseException e) {
        return e.getBody().getDetail() != null ? e.getBody().getDetail() : "The change was refused.";
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }

    /** "en, de, pt" → {en, de, pt}: the forms take lists as text, separated by commas (skills may contain spaces). */
    static Set<String> split(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String joined(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
