package dev.tandem.privacy;

import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Privacy operations for admins (the path is admin-only, see the security configuration); every call is audited. */
@RestController
@RequestMapping("/api/admin/privacy")
@Tag(name = "Privacy", description = "Export and erase one customer's data; the retention policy")
class PrivacyApi {

    private final CustomerData data;
    private final Retention retention;
    private final PrivacyProperties properties;

    PrivacyApi(CustomerData data, Retention retention, PrivacyProperties properties) {
        this.data = data;
        this.retention = retention;
        this.properties = properties;
    }

    record ErasureRequest(String email, UUID customerId) {
    }

    record RetentionJson(boolean enabled, int days, String action, String cron) {
    }

    @GetMapping("/export")
    @Operation(summary = "All data of one customer as a JSON download",
            description = "By email or customerId: customer records, conversations, messages, feedback, procedure runs, "
                    + "approvals, emails sent, guardrail findings, answer records, module by module and table by table. "
                    + "Personal data the caller's role may not see (by default payment card numbers) is masked.")
    ResponseEntity<Map<String, Object>> export(CurrentUser user, @RequestParam(required = false) String email,
            @RequestParam(required = false) UUID customerId) {
        var export = call(() -> data.export(new CustomerData.Subject(email, customerId), user));
        String name = "customer-data-" + (customerId != null ? customerId.toString()
                : Integer.toHexString(email.toLowerCase(Locale.ROOT).hashCode())) + ".json";
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(export);
    }

    @PostMapping("/erasures")
    @Operation(summary = "Erase all data of one customer, irreversibly, in one transaction",
            description = "Body {\"email\"} or {\"customerId\"}. 404 when nothing is known (already erased). The audit "
                    + "log records who erased how many rows, never the erased content.")
    CustomerData.Erasure erase(CurrentUser user, @RequestBody ErasureRequest request) {
        return call(() -> data.erase(new CustomerData.Subject(request.email(), request.customerId()), user.username()));
    }

    @GetMapping("/retention")
    @Operation(summary = "The retention policy (tandem.privacy.retention.*)")
    RetentionJson retention() {
        var r = properties.retention();
        return new RetentionJson(r.enabled(), r.days(), r.action().name().toLowerCase(Locale.ROOT), r.cron());
    }

    @PostMapping("/retention/run")
    @Operation(summary = "Apply the retention policy now instead of at its scheduled time; 409 when it is off")
    Retention.Run runRetention() {
        if (!properties.retention().enabled()) {
            throw problem(HttpStatus.CONFLICT, "Retention is off: set tandem.privacy.retention.days to a number of days.");
        }
        return retention.apply();
    }

    static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        }
        catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        catch (NoSuchElementException e) {
            throw problem(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
