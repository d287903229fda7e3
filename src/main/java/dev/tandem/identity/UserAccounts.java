package dev.tandem.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.IdentityEvents.UserChanged;
import dev.tandem.identity.IdentityEvents.UserCreated;
import dev.tandem.identity.IdentityEvents.UserRolesChanged;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Creating and changing the accounts of the support team (admin use cases). */
@Service
@Transactional
public class UserAccounts {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAccounts(UserRepository users, TeamRepository teams, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    public record NewUser(String username, String displayName, String email, String password, Set<Role> roles,
            Set<UUID> teamIds, Set<String> languages, Set<String> skills, int maxConcurrent) {
    }

    public record UserChanges(String displayName, String email, Set<Role> roles, Set<UUID> teamIds,
            Set<String> languages, Set<String> skills, int maxConcurrent, boolean enabled) {
    }

    public UserSummary create(NewUser user, String by) {
        String username = checked(user);
        return insert(user, username, passwords.encode(user.password()), by);
    }

    /**
     * Several accounts at once (the demo's team), all or none. bcrypt is slow on purpose (half a second a password
     * on a cold JVM), so the passwords are hashed in parallel, up to one per core, before any account is inserted;
     * one after the other would leave the other cores idle while a first start waits.
     */
    public List<UserSummary> createAll(List<NewUser> newUsers, String by) {
        List<String> usernames = newUsers.stream().map(this::checked).toList();
        Set<String> distinct = new HashSet<>();
        usernames.stream().filter(username -> !distinct.add(username)).findFirst().ifPresent(username -> {
            throw invalid("The username '" + username + "' is given twice.");
        });
        List<String> hashes = newUsers.parallelStream().map(user -> passwords.encode(user.password())).toList();
        List<UserSummary> created = new ArrayList<>();
        for (int i = 0; i < newUsers.size(); i++) {
            created.add(insert(newUsers.get(i), usernames.get(i), hashes.get(i), by));
        }
        return created;
    }

    /** The user's username, normalised, once everything about the new user is checked. */
    private String checked(NewUser user) {
        String username = user.username() == null ? "" : user.username().trim().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw invalid("Username must be 2-64 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The username '" + username + "' is taken."),
                    null);
        }
        checkPassword(user.password());
        checkCommon(user.displayName(), user.email(), user.roles(), user.teamIds(), user.languages(), user.skills(),
                user.maxConcurrent());
        return username;
    }

    private UserSummary insert(NewUser user, String username, String passwordHash, String by) {
        UUID id = IDS.generate();
        users.insert(new UserRepository.StoredUser(id, username, user.displayName().trim(), blankToNull(user.email()),
                passwordHash, true, user.maxConcurrent()), clock.instant());
        users.replaceRoles(id, user.roles());
        users.replaceTeams(id, orEmpty(user.teamIds()));
        users.replaceLanguages(id, normalised(user.languages()));
        users.replaceSkills(id, normalised(user.skills()));
        events.publishEvent(new UserCreated(id, username, Set.copyOf(user.roles()), by, clock.instant()));
        return users.summaryById(id).orElseThrow();
    }

    public UserSummary change(UUID id, UserChanges changes, String by) {
        UserSummary before = users.summaryById(id).orElseThrow(() -> notFound(id));
        checkCommon(changes.displayName(), changes.email(), changes.roles(), changes.teamIds(), changes.languages(),
                changes.skills(), changes.maxConcurrent());
        if (before.roles().contains(Role.ADMIN) && (!changes.roles().contains(Role.ADMIN) || !changes.enabled())
                && activeAdmins() <= 1) {
            throw invalid("This is the last active admin; make someone else an admin first.");
        }
        users.updateProfile(id, changes.displayName().trim(), blankToNull(changes.email()), changes.enabled(),
                changes.maxConcurrent());
        users.replaceRoles(id, changes.roles());
        users.replaceTeams(id, orEmpty(changes.teamIds()));
        users.replaceLanguages(id, normalised(changes.languages()));
        users.replaceSkills(id, normalised(changes.skills()));
        if (!before.roles().equals(changes.roles())) {
            events.publishEvent(new UserRolesChanged(id, before.username(), before.roles(), Set.copyOf(changes.roles()),
                    by, clock.instant()));
        }
        if (before.enabled() != changes.enabled()) {
            events.publishEvent(new UserChanged(id, before.username(), changes.enabled() ? "enabled" : "disabled", by,
                    clock.instant()));
        }
        return users.summaryById(id).orElseThrow();
    }

    public void changePassword(UUID id, String newPassword, String by) {
        UserSummary user = users.summaryById(id).orElseThrow(() -> notFound(id));
        checkPassword(newPassword);
        users.updatePassword(id, passwords.encode(newPassword));
        events.publishEvent(new UserChanged(id, user.username(), "password changed", by, clock.instant()));
    }

    private long activeAdmins() {
        return users.allSummaries().stream().filter(UserSummary::enabled).filter(u -> u.roles().contains(Role.ADMIN))
            .count();
    }

    private void checkCommon(String displayName, String email, Set<Role> roles, Set<UUID> teamIds,
            Set<String> languages, Set<String> skills, int maxConcurrent) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw invalid("Display name is required (at most 200 characters).");
        }
        if (email != null && !email.isBlank() && (email.trim().length() > 320 || !EMAIL.matcher(email.trim()).matches())) {
            throw invalid("'" + email.trim() + "' is not an e-mail address.");
        }
        // Sets decoded from JSON may hold nulls, and immutable sets throw on contains(null).
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw invalid("Give the user at least one role: ADMIN, SUPERVISOR, AGENT or CURATOR.");
        }
        if (maxConcurrent < 1 || maxConcurrent > 50) {
            throw invalid("Maximum concurrent conversations must be between 1 and 50.");
        }
        for (UUID teamId : orEmpty(teamIds)) {
            if (teamId == null || teams.findById(teamId).isEmpty()) {
                throw invalid("Unknown team " + teamId + ".");
            }
        }
        for (String language : normalised(languages)) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw invalid("'" + language + "' is not a language code such as en, de or pt-br.");
            }
        }
        for (String skill : normalised(skills)) {
            if (skill.length() > 64) {
                throw invalid("Skills are at most 64 characters: '" + skill + "'.");
            }
        }
    }

    /** A random password of 20 unambiguous characters in groups of five, for first sign-ins. */
    public static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
            throw invalid("Passwords need " + MIN_PASSWORD_LENGTH + " to 128 characters.");
        }
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }

    private static Set<String> normalised(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().filter(java.util.Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty()).map(String::toLowerCase)
                    .collect(java.util.stream.Collectors.toSet());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }

    static ErrorResponseException notFound(UUID id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No user with id " + id + "."), null);
    }
}
