package dev.tandem.channel;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The website of the fictional outdoor retailer Northwind Outfitters, with the widget embedded. */
@Controller
class DemoPage {

    private final WidgetInboxes inboxes;

    DemoPage(WidgetInboxes inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping("/demo")
    String demo(Model model) {
        model.addAttribute("inboxKey", inboxes.primary().key());
        return "demo";
    }
}
