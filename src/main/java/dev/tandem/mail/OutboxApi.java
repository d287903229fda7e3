package dev.tandem.mail;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The outbox for admins (the path is admin-only, see the security configuration). */
@RestController
class OutboxApi {

    private final Outbox outbox;

    OutboxApi(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "Emails the app or the demo back end sent, newest first")
    @GetMapping("/api/admin/outbox")
    List<OutboxEmail> list(@RequestParam(defaultValue = "100") int limit) {
        return outbox.newestFirst(limit);
    }
}
