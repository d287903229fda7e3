package dev.tandem.guardrails;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.identity.CurrentUser;

/** The output constitution over the API (ADMIN only, as everything under /api/admin). */
@RestController
@RequestMapping("/api/admin/constitution")
@Tag(name = "Admin: output constitution", description = "The rules every AI reply is checked against; each save is a new version")
class ConstitutionApi {

    record RuleView(String id, String description, String check, OutputAction action) {
    }

    record ConstitutionView(int version, String yaml, List<RuleView> rules) {

        static ConstitutionView of(Constitution constitution) {
            return new ConstitutionView(constitution.version(), constitution.yaml(), constitution.rules().stream()
                .map(r -> new RuleView(r.id(), r.description(), r.check().name().toLowerCase(), r.action()))
                .toList());
        }
    }

    record NewVersion(String yaml) {
    }

    private final ConstitutionVersions versions;

    ConstitutionApi(ConstitutionVersions versions) {
        this.versions = versions;
    }

    @GetMapping
    @Operation(summary = "The active constitution: its version, YAML and rules")
    ConstitutionView active() {
        return ConstitutionView.of(versions.active());
    }

    @GetMapping("/versions")
    @Operation(summary = "The saved versions, newest first (version 0, the one shipped, is not listed)")
    List<ConstitutionVersions.Saved> history() {
        return versions.history();
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "The YAML of one version")
    ResponseEntity<String> version(@PathVariable int version) {
        return versions.yamlOf(version)
            .map(yaml -> ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("application/yaml"))
                .body(yaml))
            .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No constitution version " + version + "."), null));
    }

    @PutMapping
    @Operation(summary = "Save a new version; it is active at once on this node and within seconds on the others",
            description = "A constitution that cannot be read is refused with 400 and the line and rule at fault")
    ResponseEntity<ConstitutionView> save(@RequestBody NewVersion body, CurrentUser user) {
        if (body == null || body.yaml() == null) {
            throw ConstitutionProblems.invalid(new Constitution.Invalid("Send the constitution as {\"yaml\": \"…\"}.", 0, null));
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(ConstitutionView.of(versions.save(body.yaml(), user.username())));
        } catch (Constitution.Invalid invalid) {
            throw ConstitutionProblems.invalid(invalid);
        }
    }
}
