package dev.tandem.channel;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.tandem.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/widget-inboxes")
@Tag(name = "Admin: widget", description = "The chat widget's look and greeting, per inbox (ADMIN only)")
class AdminWidgetInboxesApi {

    private final WidgetInboxes inboxes;
    private final InboxDisclosures disclosures;

    AdminWidgetInboxesApi(WidgetInboxes inboxes, InboxDisclosures disclosures) {
        this.inboxes = inboxes;
        this.disclosures = disclosures;
    }

    record InboxJson(UUID id, String key, String name, String companyName, String greeting, String color,
            UUID teamId, String embedSnippet) {

        static InboxJson of(WidgetInbox inbox) {
            return new InboxJson(inbox.id(), inbox.key(), inbox.name(), inbox.companyName(), inbox.greeting(),
                    inbox.color(), inbox.teamId(),
                    EmbedSnippet.of(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), inbox.key()));
        }
    }

    record SettingsJson(String name, @NotBlank(message = "is required") String companyName,
            @NotBlank(message = "is required") String greeting,
            @NotBlank(message = "is required, such as #2563eb") String color, UUID teamId) {
    }

    @GetMapping
    @Operation(summary = "All widget inboxes with their settings and the snippet to embed them")
    List<InboxJson> list() {
        inboxes.primary();
        return inboxes.all().stream().map(InboxJson::of).toList();
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an inbox's settings",
            description = "color as #rrggbb; teamId is the team whose queue receives new conversations (left out: "
                    + "no particular team); name left out keeps the current one")
    InboxJson update(@PathVariable UUID id, @Valid @RequestBody SettingsJson body, CurrentUser admin) {
        WidgetInbox current = inboxes.byId(id).orElseThrow(
                () -> WidgetInboxes.problem(HttpStatus.NOT_FOUND, "No widget inbox " + id + "."));
        String name = body.name() == null ? current.name() : body.name();
        return InboxJson.of(inboxes.update(id,
                new WidgetInboxes.Settings(name, body.companyName(), body.greeting(), body.color(), body.teamId()),
                admin.username()));
    }

    @GetMapping("/{id}/ai-disclosure")
    @Operation(summary = "The inbox's own AI disclosure texts, by language (empty: the configured or shipped ones)")
    java.util.Map<String, String> disclosure(@PathVariable UUID id) {
        inboxes.byId(id).orElseThrow(() -> WidgetInboxes.problem(HttpStatus.NOT_FOUND, "No widget inbox " + id + "."));
        return disclosures.of(id);
    }

    @PutMapping("/{id}/ai-disclosure")
    @Operation(summary = "Replace the inbox's AI disclosure texts",
            description = "{\"en\": \"...\", \"de\": \"...\"}: the first AI message of a conversation from this "
                    + "inbox opens with the text of its language; languages left out use tandem.conversation.ai-disclosure "
                    + "or the shipped text. At most 500 characters each.")
    java.util.Map<String, String> replaceDisclosure(@PathVariable UUID id, @RequestBody java.util.Map<String, String> body,
            CurrentUser admin) {
        inboxes.byId(id).orElseThrow(() -> WidgetInboxes.problem(HttpStatus.NOT_FOUND, "No widget inbox " + id + "."));
        try {
            return disclosures.replace(id, body, admin.username());
        }
        catch (IllegalArgumentException e) {
            throw WidgetInboxes.problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
