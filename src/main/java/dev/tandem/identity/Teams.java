package dev.tandem.identity;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.IdentityEvents.TeamChanged;
import dev.tandem.identity.IdentityEvents.TeamDeleted;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Creating, renaming and removing teams (admin use cases). */
@Service
@Transactional
public class Teams {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final TeamRepository teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Teams(TeamRepository teams, ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    public Team create(String name, String by) {
        String clean = checkedName(name, null);
        Team team = new Team(IDS.generate(), clean);
        teams.insert(team, clock.instant());
        events.publishEvent(new TeamChanged(team.id(), clean, "created", by, clock.instant()));
        return team;
    }

    public Team rename(UUID id, String name, String by) {
        Team team = teams.findById(id).orElseThrow(() -> notFound(id));
        String clean = checkedName(name, id);
        if (!team.name().equalsIgnoreCase(clean)) {
            teams.rename(id, clean);
            events.publishEvent(new TeamChanged(id, clean, "renamed from " + team.name(), by, clock.instant()));
        }
        return new Team(id, clean);
    }

    public void delete(UUID id, String by) {
        Team team = teams.findById(id).orElseThrow(() -> notFound(id));
        teams.delete(id);
        events.publishEvent(new TeamDeleted(id, team.name(), by, clock.instant()));
    }

    private String checkedName(String name, UUID renaming) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw UserAccounts.invalid("A team needs a name of at most 100 characters.");
        }
        String clean = name.trim();
        if (teams.findByName(clean).filter(existing -> !existing.id().equals(renaming)).isPresent()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A team named '" + clean + "' exists."), null);
        }
        return clean;
    }

    private static ErrorResponseException notFound(UUID id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No team with id " + id + "."), null);
    }
}
