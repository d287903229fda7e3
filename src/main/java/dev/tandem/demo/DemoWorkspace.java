package dev.tandem.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.channel.WidgetInboxes;
import dev.tandem.conversation.AssignConversation;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.PostAgentMessage;
import dev.tandem.conversation.PostCustomerMessage;
import dev.tandem.conversation.RequestHandoff;
import dev.tandem.conversation.ResolveConversation;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * First start with an empty database: the support team of Northwind Outfitters, a fictional
 * outdoor-gear retailer, with a few conversations in different states, so that a new user sees
 * a living workspace. {@code TANDEM_DEMO=false} turns it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnProperty(name = "tandem.demo", havingValue = "true", matchIfMissing = true)
class DemoWorkspace implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private final UserDirectory directory;
    private final UserAccounts accounts;
    private final Teams teams;
    private final WidgetInboxes inboxes;
    private final StartConversation start;
    private final PostCustomerMessage customerMessage;
    private final RequestHandoff handoff;
    private final AssignConversation assign;
    private final PostAgentMessage agentMessage;
    private final ResolveConversation resolve;
    private final TransactionTemplate transactions;
    private final String password;

    DemoWorkspace(UserDirectory directory, UserAccounts accounts, Teams teams, WidgetInboxes inboxes,
            StartConversation start, PostCustomerMessage customerMessage, RequestHandoff handoff,
            AssignConversation assign, PostAgentMessage agentMessage, ResolveConversation resolve,
            TransactionTemplate transactions,
            @Value("${TANDEM_DEMO_PASSWORD:}") String password) {
        this.directory = directory;
        this.accounts = accounts;
        this.teams = teams;
        this.inboxes = inboxes;
        this.start = start;
        this.customerMessage = customerMessage;
        this.handoff = handoff;
        this.assign = assign;
        this.agentMessage = agentMessage;
        this.resolve = resolve;
        this.transactions = transactions;
        this.password = password;
    }

    private record Member(String username, String name, Set<Role> roles, String team, Set<String> languages,
            Set<String> skills) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.teams().isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> seed());
    }

    private void seed() {
        Team general = teams.create("General", "demo");
        Team billing = teams.create("Billing", "demo");
        var teamIds = Map.of("General", general.id(), "Billing", billing.id());
        var members = new Member[] {
            new Member("sam", "Sam Rivera", Set.of(Role.SUPERVISOR, Role.AGENT), "General", Set.of("en", "es"),
                    Set.of("escalations")),
            new Member("casey", "Casey Morgan", Set.of(Role.CURATOR), null, Set.of("en"), Set.of()),
            new Member("alice", "Alice Chen", Set.of(Role.AGENT), "General", Set.of("en", "es"), Set.of("orders", "returns")),
            new Member("bruno", "Bruno Costa", Set.of(Role.AGENT), "General", Set.of("en", "pt", "de"),
                    Set.of("product care", "warranty")),
            new Member("chloe", "Chloé Martin", Set.of(Role.AGENT), "Billing", Set.of("en", "fr"),
                    Set.of("payments", "refunds")) };
        Map<String, String> passwords = new LinkedHashMap<>();
        List<UserAccounts.NewUser> newUsers = new ArrayList<>();
        for (Member member : members) {
            String memberPassword = !password.isBlank() ? password
                    : UserAccounts.generatePassword();
            Set<UUID> memberTeams = member.team() == null ? Set.of()
                    : member.roles().contains(Role.SUPERVISOR) ? Set.copyOf(teamIds.values())
                            : Set.of(teamIds.get(member.team()));
            newUsers.add(new UserAccounts.NewUser(member.username(), member.name(),
                    member.username() + "@northwind.example", memberPassword, member.roles(), memberTeams,
                    member.languages(), member.skills(), 4));
            passwords.put(member.username(), memberPassword);
        }
        // one call: the five passwords are hashed in parallel (bcrypt, the largest part of a first start's seeding)
        Map<String, UserSummary> users = new LinkedHashMap<>();
        accounts.createAll(newUsers, "demo").forEach(user -> users.put(user.username(), user));
        var inbox = inboxes.primary();
        inboxes.update(inbox.id(), new WidgetInboxes.Settings("Northwind website", "Northwind Outfitters",
                "Hi there! Questions about an order, returns or gear? We're here to help.", "#2f6f4e", general.id()),
                "demo");
        seedConversations(general.id(), billing.id(), users);
        if (password.isBlank()) {
            var lines = new StringBuilder();
            passwords.forEach((user, password) -> lines.append(String.format("%n      %-8s %s", user, password)));
            log.warn("""

                    ==================================================================
                      Demo workspace "Northwind Outfitters" created. Demo users:{}
                      Shown only once (set TANDEM_DEMO_PASSWORD to choose one).
                      Customer side: http://localhost:<port>/demo
                    ==================================================================""", lines);
        }
    }

    private void seedConversations(UUID general, UUID billing, Map<String, UserSummary> users) {
        CurrentUser alice = asCurrent(users.get("alice"));
        CurrentUser bruno = asCurrent(users.get("bruno"));

        customerStarts("Emma Johnson", "emma.johnson@example.com", general,
                "Hi, my order NW-10482 was supposed to arrive on Friday and the tracking hasn't moved in four days. "
                        + "Can someone check what's going on?");

        UUID charged = customerStarts("Liam O'Brien", "liam.obrien@example.com", billing,
                "I was charged twice for order NW-10511 ($189.00 each time). I need one of them refunded please.");
        handoff.request(charged, "The customer asked to talk to a person.");

        customerStarts("Lucía Fernández", "lucia.fernandez@example.com", general,
                "Hola, ¿hacen envíos a las Islas Canarias? Quiero pedir una tienda de campaña.");

        UUID boots = customerStarts("Noah Williams", "noah.w@example.com", general,
                "Can I exchange my Ridgeline hiking boots for a size 44? They're unworn, bought two weeks ago.");
        assign.assignToSelf(alice, boots);
        agentMessage.post(alice, boots, "Hi Noah, absolutely: unworn boots can be exchanged within 60 days. "
                + "I've started the exchange for a size 44; you'll get a prepaid return label by email within the hour.",
                false);
        customerMessage.post(boots, "Great, thank you! Do I need the original box?", "demo-noah-2");

        UUID jacket = customerStarts("Mia Schneider", "mia.schneider@example.com", general,
                "How should I wash my Summit down jacket? I'm scared of ruining it.");
        assign.assignToSelf(bruno, jacket);
        agentMessage.post(bruno, jacket, "Hi Mia! Machine-wash it cold on a gentle cycle with a down-specific "
                + "detergent, then tumble-dry on low with two clean tennis balls until it's completely dry. "
                + "That keeps the down lofty.", false);
        customerMessage.post(jacket, "Perfect, that's exactly what I needed. Thanks!", "demo-mia-2");
        agentMessage.post(bruno, jacket, "Customer was happy with the care instructions.", true);
        resolve.resolve(bruno, jacket);
    }

    private UUID customerStarts(String name, String email, UUID team, String text) {
        return start.start(new StartConversation.Command(new StartConversation.CustomerDetails(name, email, null), text,
                null, "widget", team, ConversationStatus.QUEUED)).conversation().id();
    }

    private static CurrentUser asCurrent(UserSummary user) {
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.roles(), user.teamIds());
    }
}
