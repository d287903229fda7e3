package dev.tandem.quality;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.identity.CurrentUser;

/** The quality rubric over the API (ADMIN only, as everything under /api/admin). */
@RestController
@RequestMapping("/api/admin/quality/rubric")
@Tag(name = "Admin: quality rubric", description = "The items conversations are scored on; each save is a new version")
class RubricApi {

    record NewVersion(String yaml) {
    }

    private final RubricVersions versions;

    RubricApi(RubricVersions versions) {
        this.versions = versions;
    }

    @GetMapping
    @Operation(summary = "The active rubric: its version, YAML and items")
    Rubric active() {
        return versions.active();
    }

    @GetMapping("/versions")
    @Operation(summary = "The saved versions, newest first (version 0, the one shipped, is not listed)")
    List<RubricVersions.Saved> history() {
        return versions.history();
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One version of the rubric")
    Rubric version(@PathVariable int version) {
        return versions.version(version).orElseThrow(() -> QualityProblems.notFound("No rubric version " + version + "."));
    }

    @PutMapping
    @Operation(summary = "Save a new version; conversations resolved from now on are scored with it",
            description = "A rubric that cannot be read is refused with 400 and what is wrong")
    ResponseEntity<Rubric> save(@RequestBody NewVersion body, CurrentUser user) {
        if (body == null || body.yaml() == null) {
            throw QualityProblems.invalid("Send the rubric as {\"yaml\": \"…\"}.");
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(versions.save(body.yaml(), user.username()));
        } catch (Rubric.Invalid invalid) {
            throw QualityProblems.invalid((invalid.line() > 0 ? "Line " + invalid.line() + ": " : "") + invalid.getMessage()
                    + " Nothing was saved.");
        }
    }
}
