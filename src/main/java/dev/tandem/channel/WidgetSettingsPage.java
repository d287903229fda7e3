package dev.tandem.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.tandem.conversation.AiDisclosure;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;

/** Where admins style the chat widget and copy the snippet that embeds it. */
@Controller
@RequestMapping("/admin/widget")
class WidgetSettingsPage {

    private final WidgetInboxes inboxes;
    private final UserDirectory directory;
    private final InboxDisclosures disclosures;
    private final AiDisclosure standardDisclosure;

    WidgetSettingsPage(WidgetInboxes inboxes, UserDirectory directory, InboxDisclosures disclosures,
            AiDisclosure standardDisclosure) {
        this.inboxes = inboxes;
        this.directory = directory;
        this.disclosures = disclosures;
        this.standardDisclosure = standardDisclosure;
    }

    /** One language's disclosure: the inbox's own text (blank: none) and the one customers get without it. */
    record DisclosureField(String language, String languageName, String text, String standard) {
    }

    record SettingsForm(String companyName, String greeting, String color, UUID teamId) {

        static SettingsForm of(WidgetInbox inbox) {
            return new SettingsForm(inbox.companyName(), inbox.greeting(), inbox.color(), inbox.teamId());
        }
    }

    @GetMapping
    String show(@RequestParam(required = false) String inbox, Model model) {
        WidgetInbox shown = parse(inbox).flatMap(inboxes::byId).orElseGet(inboxes::primary);
        return show(model, shown, SettingsForm.of(shown), null);
    }

    @PostMapping("/{id}")
    String save(@PathVariable UUID id, @ModelAttribute("form") SettingsForm form, BindingResult binding,
            CurrentUser admin, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var inbox = inboxes.byId(id);
        if (inbox.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That widget inbox does not exist (any more).");
            return "redirect:/admin/widget";
        }
        try {
            if (binding.hasFieldErrors()) {
                throw WidgetInboxes.problem(HttpStatus.BAD_REQUEST, "Choose the team from the list.");
            }
            inboxes.update(id, new WidgetInboxes.Settings(inbox.get().name(), form.companyName(), form.greeting(),
                    form.color(), form.teamId()), admin.username());
            redirect.addFlashAttribute("flashInfo", "Saved the widget settings. Customers see them on their next visit.");
            return "redirect:/admin/widget?inbox=" + id;
        }
        catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String detail = refused.getBody().getDetail();
            return show(model, inbox.get(), form, detail == null ? "The settings were refused." : detail);
        }
    }

    /** Form fields {@code text_<language>}; a blank one gives that language back to the configured or shipped text. */
    @PostMapping("/{id}/disclosure")
    String saveDisclosure(@PathVariable UUID id, @RequestParam Map<String, String> fields, CurrentUser admin, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var inbox = inboxes.byId(id);
        if (inbox.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That widget inbox does not exist (any more).");
            return "redirect:/admin/widget";
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : AiDisclosure.LANGUAGES) {
            texts.put(language, fields.getOrDefault("text_" + language, ""));
        }
        try {
            disclosures.replace(id, texts, admin.username());
            redirect.addFlashAttribute("flashInfo", "Saved what customers are told about the AI.");
            return "redirect:/admin/widget?inbox=" + id + "#disclosure-title";
        }
        catch (IllegalArgumentException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            show(model, inbox.get(), SettingsForm.of(inbox.get()), null);
            model.addAttribute("disclosureFields", disclosureFields(texts));
            model.addAttribute("disclosureError", refused.getMessage());
            return "admin/widget";
        }
    }

    private List<DisclosureField> disclosureFields(Map<String, String> own) {
        return AiDisclosure.LANGUAGES.stream()
            .map(language -> new DisclosureField(language,
                    Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH),
                    own.getOrDefault(language, ""), standardDisclosure.text(language, null)))
            .toList();
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.ofNullable(id).map(UUID::fromString);
        }
        catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private String show(Model model, WidgetInbox inbox, SettingsForm form, String error) {
        model.addAttribute("inbox", inbox);
        model.addAttribute("inboxes", inboxes.all());
        model.addAttribute("teams", directory.teams());
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute("disclosureFields", disclosureFields(disclosures.of(inbox.id())));
        model.addAttribute("disclosureMax", InboxDisclosures.MAX_LENGTH);
        model.addAttribute("snippet",
                EmbedSnippet.of(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), inbox.key()));
        return "admin/widget";
    }
}
