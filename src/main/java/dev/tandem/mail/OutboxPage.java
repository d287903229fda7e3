package dev.tandem.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class OutboxPage {

    private final Outbox outbox;

    OutboxPage(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String show(Model model) {
        model.addAttribute("emails", outbox.newestFirst(100));
        return "admin/outbox";
    }
}
