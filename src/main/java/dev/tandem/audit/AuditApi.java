package dev.tandem.audit;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reading the audit log. Deliberately read-only: no endpoint changes or deletes an entry. */
@RestController
@RequestMapping("/api/admin/audit")
@Tag(name = "Admin: audit log", description = "The append-only record of sign-ins, role and token changes and "
        + "conversation decisions; read-only (ADMIN only)")
class AuditApi {

    private final AuditLog log;

    AuditApi(AuditLog log) {
        this.log = log;
    }

    record AuditPage(List<AuditEntry> items, long total, int limit, int offset) {
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first, optionally of one actor and one action",
            description = "actor matches the user name exactly (case-insensitive); limit 1 to 500 (default 50)")
    AuditPage find(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > AuditLog.MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + AuditLog.MAX_LIMIT + ".");
        }
        if (offset < 0) {
            throw invalid("offset must not be negative.");
        }
        var query = new AuditLog.Query(actor, action, limit, offset);
        return new AuditPage(log.find(query), log.count(query), limit, offset);
    }

    @GetMapping("/actions")
    @Operation(summary = "The actions that occur in the log, to filter by")
    List<String> actions() {
        return log.actions();
    }

    private static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
