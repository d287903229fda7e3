package dev.tandem.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin view of the audit log: newest first, filtered by actor and action, a page at a time. */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;

    AuditPage(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String show(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "1") String page, Model model) {
        int pageNumber = parsePage(page);
        var query = new AuditLog.Query(actor, action, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
        long total = log.count(query);
        model.addAttribute("entries", log.find(query));
        model.addAttribute("actions", log.actions());
        model.addAttribute("actor", actor == null ? "" : actor.trim());
        model.addAttribute("action", action == null ? "" : action.trim());
        model.addAttribute("page", pageNumber);
        model.addAttribute("total", total);
        model.addAttribute("first", total == 0 ? 0 : (pageNumber - 1) * PAGE_SIZE + 1);
        model.addAttribute("last", Math.min(total, (long) pageNumber * PAGE_SIZE));
        model.addAttribute("hasNewer", pageNumber > 1);
        model.addAttribute("hasOlder", (long) pageNumber * PAGE_SIZE < total);
        return "admin/audit";
    }

    /** A page number from the address bar; nonsense means the first page rather than an error page. */
    private static int parsePage(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.trim()), 1_000_000));
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }
}
