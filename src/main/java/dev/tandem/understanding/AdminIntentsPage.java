package dev.tandem.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/intents")
class AdminIntentsPage {

    private final TrainIntents trainIntents;
    private final IntentSets sets;
    private final ClassifyIntent classifyIntent;

    AdminIntentsPage(TrainIntents trainIntents, IntentSets sets, ClassifyIntent classifyIntent) {
        this.trainIntents = trainIntents;
        this.sets = sets;
        this.classifyIntent = classifyIntent;
    }

    @GetMapping
    String page(Model model) {
        return show(model, null, null, null);
    }

    /**
     * The training card alone: the page polls it while a set trains. Once training is over, htmx is
     * told to reload the page, which then shows the new model (and polls no more).
     */
    @GetMapping("/training")
    String training(Model model, HttpServletResponse response) {
        var training = sets.training();
        if (training.isEmpty()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("training", training.orElse(null));
        return "admin/intents :: training";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, "Choose a CSV file with the header text,label.", null, null);
        }
        try {
            trainIntents.upload(file.getOriginalFilename(), file.getBytes(), user.getName());
        } catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, file.getOriginalFilename() + ": " + refused.getBody().getDetail(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redirect.addFlashAttribute("flashInfo", "Uploaded " + file.getOriginalFilename()
                + "; training runs in the background. The current model stays in use until the new one is ready.");
        return "redirect:/admin/intents";
    }

    @PostMapping("/try")
    String tryMessage(@RequestParam(defaultValue = "") String text, Model model) {
        String message = text.strip();
        if (message.isEmpty()) {
            return show(model, null, message, null);
        }
        if (message.length() > IntentRules.MAX_TEXT) {
            message = message.substring(0, IntentRules.MAX_TEXT);
        }
        return show(model, null, message, classifyIntent.classify(message).orElse(null));
    }

    private String show(Model model, String uploadError, String tried, Intent result) {
        model.addAttribute("uploadError", uploadError);
        model.addAttribute("inUse", sets.inUseSet().orElse(null));
        model.addAttribute("training", sets.training().orElse(null));
        model.addAttribute("history", sets.recent(10));
        model.addAttribute("tried", tried);
        model.addAttribute("result", result);
        model.addAttribute("minExamples", IntentRules.MIN_EXAMPLES_PER_LABEL);
        return "admin/intents";
    }
}
