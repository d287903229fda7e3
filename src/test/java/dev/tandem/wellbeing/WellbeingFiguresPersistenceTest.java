package dev.tandem.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.TandemTest;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserSummary;

/**
 * The figures of an agent's day, written as the listeners write them and read back at a fixed moment on H2 and
 * PostgreSQL: conversations handled, the most at once, time online, handle time and difficult contacts per window.
 */
@TandemTest
class WellbeingFiguresPersistenceTest {

    private static final Instant NOW = Instant.parse("2030-03-04T16:00:00Z");

    @Autowired
    Contacts contacts;

    @Autowired
    OnlineTime online;

    @Autowired
    Interventions interventions;

    @Autowired
    WellbeingProperties properties;

    private static Instant ago(long minutes) {
        return NOW.minus(minutes, ChronoUnit.MINUTES);
    }

    private void contact(UUID agent, long startedAgo, Long endedAgo, Set<Difficulty> difficulty) {
        UUID conversation = UUID.randomUUID();
        contacts.start(agent, conversation, ago(startedAgo));
        if (endedAgo != null) {
            Contacts.Contact open = contacts.open(conversation).get(0);
            assertThat(contacts.end(open.id(), ago(endedAgo), difficulty, null)).isTrue();
            assertThat(contacts.end(open.id(), ago(endedAgo), difficulty, null)).as("ended once").isFalse();
        }
    }

    @Test
    void anAgentsDayPerWindow() {
        UUID agent = UUID.randomUUID();
        // two hours ago and earlier: two calm contacts, one after the other (a hand-over instant is not two at once)
        contact(agent, 600, 590L, Set.of());
        contact(agent, 590, 580L, Set.of());
        // within the hour: three at once at 16:00 minus 30..20, one abusive and frustrating, one vulnerable
        contact(agent, 40, 20L, EnumSet.of(Difficulty.ABUSE, Difficulty.FRUSTRATION));
        contact(agent, 35, 25L, EnumSet.of(Difficulty.VULNERABLE));
        contact(agent, 30, null, Set.of()); // still open
        online.online(agent, ago(660));
        online.offline(agent, ago(570));
        online.online(agent, ago(45));
        online.online(agent, ago(44)); // a repeated event opens nothing new

        var figures = new AgentFigures(properties, contacts, online, interventions, Clock.fixed(NOW, ZoneOffset.UTC));
        AgentWellbeing day = figures.of(new UserSummary(agent, "figures", "Fig Ures", "f@tandem.test", Set.of(Role.AGENT),
                Set.of(), Set.of("en"), Set.of(), 5, true));

        assertThat(day.openNow()).isEqualTo(1);
        assertThat(day.windows()).extracting(AgentWellbeing.Window::label).containsExactly("1 hour", "8 hours", "7 days");
        AgentWellbeing.Window hour = day.windows().get(0);
        assertThat(hour.contacts()).isEqualTo(3);
        assertThat(hour.peakConcurrent()).isEqualTo(3);
        assertThat(hour.difficultContacts()).isEqualTo(2);
        assertThat(hour.difficultByKind()).containsEntry(Difficulty.ABUSE, 1).containsEntry(Difficulty.FRUSTRATION, 1)
            .containsEntry(Difficulty.VULNERABLE, 1);
        assertThat(hour.onlineMinutes()).isEqualTo(45.0);
        assertThat(hour.handleMinutesMedian()).isEqualTo(15.0); // 20 and 10 minutes
        assertThat(hour.handleMinutesTotal()).isEqualTo(30.0);

        AgentWellbeing.Window week = day.windows().get(2);
        assertThat(week.contacts()).isEqualTo(5);
        assertThat(week.peakConcurrent()).isEqualTo(3);
        assertThat(week.onlineMinutes()).isEqualTo(90.0 + 45.0);
        assertThat(week.handleMinutesMedian()).isEqualTo(10.0); // 10, 10, 20, 10
        assertThat(day.windows().get(1).contacts()).isEqualTo(3); // the morning is more than 8 hours ago

        assertThat(contacts.difficultSince(agent, ago(60))).hasSize(2);
        assertThat(AgentFigures.peak(List.of(), ago(60), NOW)).isZero();
        assertThat(Words.duration(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Words.duration(Duration.ofHours(2))).isEqualTo("2 hours");
    }
}
