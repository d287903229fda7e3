package dev.tandem.insight;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The resolution ledger over HTTP: its lines, monthly totals, exports and the definition it counts by. */
@RestController
@RequestMapping("/api/insight/ledger")
@Tag(name = "Insight", description = "Outcomes, CSAT and the resolution ledger")
class LedgerApi {

    private final Ledger ledger;

    LedgerApi(Ledger ledger) {
        this.ledger = ledger;
    }

    record DefinitionChange(String yaml) {
    }

    @GetMapping
    @Operation(summary = "Ledger lines in order (admin or supervisor): entries (verified AI resolutions) and "
            + "reversals; `month` (2026-12) filters, `after` (a sequence number) and `limit` page")
    List<LedgerEntry> list(CurrentUser user, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
        return ledger.list(user, month, after, limit);
    }

    @GetMapping("/totals")
    @Operation(summary = "Totals per month, newest first: entries, reversals and the net count")
    List<LedgerEntry.MonthTotal> totals(CurrentUser user) {
        return ledger.totals(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One line and why it counted: its evidence, the definition version it was judged under, and "
            + "its reversal (or the entry it reverses)")
    Ledger.Opened open(CurrentUser user, @PathVariable UUID id) {
        return ledger.open(user, id);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every line (of `month`, or all) as CSV")
    ResponseEntity<String> csv(CurrentUser user, @RequestParam(required = false) String month) {
        String body = ledger.csv(user, month);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"resolution-ledger"
                    + (month == null || month.isBlank() ? "" : "-" + month.strip()) + ".csv\"")
            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every line (of `month`, or all) as JSON, with its evidence")
    ResponseEntity<List<LedgerEntry>> json(CurrentUser user, @RequestParam(required = false) String month) {
        List<LedgerEntry> all = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            List<LedgerEntry> page = ledger.list(user, month, after, ResolutionLedger.MAX_PAGE);
            all.addAll(page);
            if (page.size() < ResolutionLedger.MAX_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"resolution-ledger"
                + (month == null || month.isBlank() ? "" : "-" + month.strip()) + ".json\"").body(all);
    }

    @GetMapping("/definition")
    @Operation(summary = "The definition of a billable AI resolution in force (YAML) and its saved versions")
    Ledger.Definition definition(CurrentUser user) {
        return ledger.definition(user);
    }

    @PutMapping("/definition")
    @Operation(summary = "Saves a new version of the definition (admin); `{\"yaml\": \"...\"}`; 400 says what to fix")
    Ledger.Definition save(CurrentUser user, @RequestBody(required = false) DefinitionChange change) {
        return ledger.save(user, change == null ? null : change.yaml());
    }
}
