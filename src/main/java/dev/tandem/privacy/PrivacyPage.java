package dev.tandem.privacy;

import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.identity.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

/** The admin page for privacy requests: look a customer up, download their data, erase it. */
@Controller
class PrivacyPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerData data;
    private final PrivacyProperties properties;

    PrivacyPage(CustomerData data, PrivacyProperties properties) {
        this.data = data;
        this.properties = properties;
    }

    @GetMapping("/admin/privacy")
    String show(Model model, @RequestParam(required = false) String lookup) {
        retention(model);
        model.addAttribute("lookup", lookup == null ? "" : lookup);
        if (lookup != null && !lookup.isBlank()) {
            try {
                var found = data.find(subject(lookup));
                model.addAttribute("found", found.isEmpty() ? null : found);
                model.addAttribute("notFound", found.isEmpty());
            }
            catch (IllegalArgumentException e) {
                model.addAttribute("formError", e.getMessage());
            }
        }
        return "admin/privacy";
    }

    @GetMapping("/admin/privacy/export")
    ResponseEntity<byte[]> export(CurrentUser user, @RequestParam String lookup) {
        var export = PrivacyApi.call(() -> data.export(subject(lookup), user));
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("customer-data.json").build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
    }

    @PostMapping("/admin/privacy/erase")
    String erase(CurrentUser user, Model model, @RequestParam String lookup, @RequestParam(defaultValue = "") String confirm) {
        retention(model);
        model.addAttribute("lookup", lookup);
        if (!"ERASE".equals(confirm.strip())) {
            model.addAttribute("formError", "Type ERASE to confirm: an erasure cannot be undone.");
            try {
                var found = data.find(subject(lookup));
                model.addAttribute("found", found.isEmpty() ? null : found);
            }
            catch (IllegalArgumentException e) {
                // the lookup itself is wrong: the message above is enough
            }
            return "admin/privacy";
        }
        try {
            model.addAttribute("erased", data.erase(subject(lookup), user.username()));
            model.addAttribute("lookup", "");
        }
        catch (IllegalArgumentException | NoSuchElementException e) {
            model.addAttribute("formError", e.getMessage());
        }
        return "admin/privacy";
    }

    /** What the page says of the retention policy. */
    public record RetentionView(boolean enabled, int days, String action, String cron) {
    }

    private void retention(Model model) {
        var r = properties.retention();
        model.addAttribute("retention", new RetentionView(r.enabled(), r.days(), r.action().name().toLowerCase(Locale.ROOT),
                r.cron()));
    }

    /** A customer id when the lookup is one, otherwise an e-mail address. */
    static CustomerData.Subject subject(String lookup) {
        String value = lookup == null ? "" : lookup.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Enter an email address or a customer id.");
        }
        try {
            return new CustomerData.Subject(null, UUID.fromString(value));
        }
        catch (IllegalArgumentException notAnId) {
            if (!value.contains("@") || value.length() > 320) {
                throw new IllegalArgumentException("Enter an email address or a customer id.");
            }
            return new CustomerData.Subject(value, null);
        }
    }
}
