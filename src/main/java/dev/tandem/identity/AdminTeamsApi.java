package dev.tandem.identity;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/admin/teams")
@Tag(name = "Admin: teams", description = "Teams group agents; conversations are queued per team (ADMIN only)")
class AdminTeamsApi {

    private final TeamRoster roster;
    private final Teams teams;

    AdminTeamsApi(TeamRoster roster, Teams teams) {
        this.roster = roster;
        this.teams = teams;
    }

    record TeamJson(UUID id, String name, long memberCount) {
    }

    record TeamNameJson(@NotBlank(message = "is required") String name) {
    }

    @GetMapping
    @Operation(summary = "All teams with their member counts, by name")
    List<TeamJson> list() {
        return roster.teams().stream().map(t -> new TeamJson(t.team().id(), t.team().name(), t.memberCount())).toList();
    }

    @PostMapping
    @Operation(summary = "Create a team; 409 when the name is taken")
    ResponseEntity<TeamJson> create(@Valid @RequestBody TeamNameJson body, CurrentUser admin) {
        Team team = teams.create(body.name(), admin.username());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(team.id());
        return ResponseEntity.created(location).body(new TeamJson(team.id(), team.name(), 0));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a team; 409 when another team has the name")
    TeamJson rename(@PathVariable UUID id, @Valid @RequestBody TeamNameJson body, CurrentUser admin) {
        Team team = teams.rename(id, body.name(), admin.username());
        return new TeamJson(team.id(), team.name(), roster.memberCount(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a team; its members stay, without this team")
    void delete(@PathVariable UUID id, CurrentUser admin) {
        teams.delete(id, admin.username());
    }
}
