package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.IdentityEvents.ApiTokenIssued;
import dev.tandem.identity.IdentityEvents.TeamChanged;
import dev.tandem.identity.IdentityEvents.UserChanged;
import dev.tandem.identity.IdentityEvents.UserCreated;
import dev.tandem.identity.IdentityEvents.UserRolesChanged;

/** The identity module alone: the admin use cases publish the events the audit log records. */
@ApplicationModuleTest
@ActiveProfiles("test")
class IdentityModuleTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserDirectory directory;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void standsAlone() {
        assertThat(context.getBeanNamesForType(dev.tandem.conversation.ConversationQueries.class)).isEmpty();
        assertThat(directory.userByUsername("admin")).as("the bootstrap admin").isPresent();
    }

    @Test
    void creatingAUserPublishesUserCreated(Scenario scenario) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        scenario.stimulate(() -> accounts.create(newUser(username, Set.of(Role.AGENT)), "admin"))
            .andWaitForEventOfType(UserCreated.class)
            .matching(event -> event.username().equals(username))
            .toArriveAndVerify((event, user) -> {
                assertThat(event.userId()).isEqualTo(user.id());
                assertThat(event.roles()).containsExactly(Role.AGENT);
                assertThat(event.by()).isEqualTo("admin");
            });
    }

    @Test
    void changingRolesAndDisablingPublishTheirEvents(Scenario scenario) {
        var user = accounts.create(newUser("user-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.AGENT)),
                "admin");
        var changes = new UserAccounts.UserChanges(user.displayName(), user.email(), Set.of(Role.SUPERVISOR),
                Set.of(), Set.of("en"), Set.of(), 3, true);

        scenario.stimulate(() -> accounts.change(user.id(), changes, "admin"))
            .andWaitForEventOfType(UserRolesChanged.class)
            .matching(event -> event.userId().equals(user.id()))
            .toArriveAndVerify(event -> {
                assertThat(event.before()).containsExactly(Role.AGENT);
                assertThat(event.after()).containsExactly(Role.SUPERVISOR);
            });

        var disabled = new UserAccounts.UserChanges(user.displayName(), user.email(), Set.of(Role.SUPERVISOR),
                Set.of(), Set.of("en"), Set.of(), 3, false);
        scenario.stimulate(() -> accounts.change(user.id(), disabled, "admin"))
            .andWaitForEventOfType(UserChanged.class)
            .matching(event -> event.userId().equals(user.id()))
            .toArriveAndVerify(event -> assertThat(event.change()).isEqualTo("disabled"));
    }

    @Test
    void creatingATeamAndIssuingATokenPublishTheirEvents(Scenario scenario) {
        String name = "Team " + UUID.randomUUID();
        scenario.stimulate(() -> teams.create(name, "admin"))
            .andWaitForEventOfType(TeamChanged.class)
            .matching(event -> event.name().equals(name))
            .toArriveAndVerify(event -> assertThat(event.change()).isEqualTo("created"));

        var user = accounts.create(newUser("user-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.AGENT)),
                "admin");
        scenario.stimulate(() -> tokens.issue(user.id(), "CRM", "admin"))
            .andWaitForEventOfType(ApiTokenIssued.class)
            .matching(event -> event.owner().equals(user.username()))
            .toArriveAndVerify((event, issued) -> {
                assertThat(event.tokenId()).isEqualTo(issued.id());
                assertThat(issued.secret()).startsWith("tdm_");
                assertThat(event.toString()).doesNotContain(issued.secret());
            });
    }

    @Test
    void severalAccountsAtOnceAreCreatedWithTheirOwnPasswordsHashedOrNoneIfOneIsInvalid() {
        String a = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "user-" + UUID.randomUUID().toString().substring(0, 8);
        var secondUser = new UserAccounts.NewUser(b, "Module " + b, null, "another-long-password", Set.of(Role.CURATOR),
                Set.of(), Set.of("en"), Set.of(), 3);

        var created = accounts.createAll(List.of(newUser(a, Set.of(Role.AGENT)), secondUser), "admin");

        assertThat(created).extracting(UserSummary::username).containsExactly(a, b);
        assertThat(passwords.matches("a-long-enough-password", users.findByUsername(a).orElseThrow().passwordHash())).isTrue();
        assertThat(passwords.matches("another-long-password", users.findByUsername(b).orElseThrow().passwordHash())).isTrue();
        assertThat(users.findByUsername(a).orElseThrow().passwordHash())
            .isNotEqualTo(users.findByUsername(b).orElseThrow().passwordHash());

        String c = "user-" + UUID.randomUUID().toString().substring(0, 8);
        var tooShort = new UserAccounts.NewUser("user-" + UUID.randomUUID().toString().substring(0, 8), "Short", null,
                "short", Set.of(Role.AGENT), Set.of(), Set.of("en"), Set.of(), 3);
        assertThatThrownBy(() -> accounts.createAll(List.of(newUser(c, Set.of(Role.AGENT)), tooShort), "admin"))
            .isInstanceOf(ErrorResponseException.class);
        assertThat(users.findByUsername(c)).as("checked before anything is inserted").isEmpty();
        assertThatThrownBy(() -> accounts.createAll(List.of(newUser(c, Set.of(Role.AGENT)), newUser(c, Set.of(Role.AGENT))),
                "admin"))
            .isInstanceOfSatisfying(ErrorResponseException.class,
                    e -> assertThat(e.getBody().getDetail()).contains("given twice"));
        assertThat(users.findByUsername(c)).isEmpty();
    }

    static UserAccounts.NewUser newUser(String username, Set<Role> roles) {
        return new UserAccounts.NewUser(username, "Module " + username, null, "a-long-enough-password", roles, Set.of(),
                Set.of("en"), Set.of(), 3);
    }
}
