package dev.tandem.routing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.tandem.escalation.EscalationReason;
import dev.tandem.escalation.Priority;

/**
 * @param autoAssign give a conversation that enters a team's queue to the least-loaded online agent of
 *     that team who has room and speaks the customer's language; off: agents claim from the queue
 * @param sla first-response targets per priority
 * @param rules where escalated conversations go; the first rule that matches wins; none: they stay
 * @param businessHours when people answer; outside them the customer is offered a follow-up by email
 * @param checkEvery how often one node looks for missed targets and for agents who went away (and,
 *     with auto-assign, for waiting conversations someone now has room for)
 * @param presence when an agent's presence changes by itself
 */
@ConfigurationProperties("tandem.routing")
public record RoutingProperties(Boolean autoAssign, Sla sla, List<Rule> rules, BusinessHours businessHours,
        Duration checkEvery, PresenceSettings presence) {

    public RoutingProperties {
        autoAssign = autoAssign != null && autoAssign;
        sla = sla == null ? new Sla(null, null, null) : sla;
        rules = rules == null ? Rule.DEFAULTS : List.copyOf(rules);
        businessHours = businessHours == null ? new BusinessHours(null, null, null, null, null) : businessHours;
        checkEvery = checkEvery == null ? Duration.ofSeconds(15) : checkEvery;
        presence = presence == null ? new PresenceSettings(null) : presence;
    }

    /**
     * @param offlineAfter an ONLINE or AWAY agent not seen for longer than this (no workspace page open,
     *     no API call) is set OFFLINE: someone who closed the laptop must stop being given conversations.
     *     Keep it well above {@code tandem.workspace.heartbeat}, which is how often open pages count as seen.
     */
    public record PresenceSettings(Duration offlineAfter) {

        public PresenceSettings {
            offlineAfter = offlineAfter == null || offlineAfter.isNegative() || offlineAfter.isZero()
                    ? Duration.ofMinutes(2) : offlineAfter;
        }
    }

    /** First-response targets: how soon a person must reply once a conversation waits for one. */
    public record Sla(Duration urgent, Duration high, Duration normal) {

        public Sla {
            urgent = urgent == null ? Duration.ofMinutes(2) : urgent;
            high = high == null ? Duration.ofMinutes(5) : high;
            normal = normal == null ? Duration.ofMinutes(15) : normal;
        }

        public Duration target(Priority priority) {
            return switch (priority) {
                case URGENT -> urgent;
                case HIGH -> high;
                case NORMAL -> normal;
            };
        }
    }

    /**
     * A routing rule. Every condition left empty matches anything; a rule matches when all its
     * conditions do.
     *
     * @param name named in the routing record and on the timeline
     * @param reasons any of these escalation reasons
     * @param priority at least this priority
     * @param languages the customer's language is one of these (ISO 639-1)
     * @param intents the customer's intent is one of these (labels of the intent classifier)
     * @param team the team whose queue it goes to; when no team has that name the rule is skipped
     *     (empty: the conversation stays in its team, with the agent requirements below)
     * @param agentSkill only agents with this skill get it automatically
     * @param agentLanguage only agents who speak this language get it automatically (default: the
     *     customer's language, when known)
     */
    public record Rule(String name, Set<EscalationReason> reasons, Priority priority, Set<String> languages,
            Set<String> intents, String team, String agentSkill, String agentLanguage) {

        /** Fraud, hacked accounts, chargebacks and large disputes are money matters: Billing, where there is one. */
        static final List<Rule> DEFAULTS = List.of(
                new Rule("high-stakes-to-billing", Set.of(EscalationReason.HIGH_STAKES), null, null, null, "Billing",
                        null, null),
                new Rule("payments-to-billing", null, null, null, Set.of("payments"), "Billing", null, null));

        public Rule {
            name = name == null || name.isBlank() ? "unnamed" : name.strip();
            reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            intents = intents == null ? Set.of() : Set.copyOf(intents);
            team = blankToNull(team);
            agentSkill = blankToNull(agentSkill);
            agentLanguage = blankToNull(agentLanguage);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * @param enabled off (default): always open, the customer is only told the usual wait
     * @param zone the time zone the hours are in
     * @param days the open days (default Monday to Friday; empty: never open)
     * @param from opening time
     * @param to closing time
     */
    public record BusinessHours(Boolean enabled, ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public BusinessHours {
            enabled = enabled != null && enabled;
            zone = zone == null ? ZoneId.of("UTC") : zone;
            days = days == null ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : Set.copyOf(days);
            from = from == null ? LocalTime.of(9, 0) : from;
            to = to == null ? LocalTime.of(17, 0) : to;
        }
    }
}
