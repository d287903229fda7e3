package dev.tandem.procedures;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * What the assistant says in procedures, in the customer's language: texts by key from
 * {@code procedures/messages_<language>.properties} (English when a language has none), filled with the
 * run's values. A reply in a procedure file that is not a key is used as written, so a procedure can
 * carry its own text.
 */
@Component
class Replies {

    static final List<String> LANGUAGES = List.of("en", "es", "fr");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final Map<String, Pattern> cancel;

    Replies() {
        messages.setBasename("procedures/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // texts hold apostrophes and never MessageFormat arguments
        messages.setAlwaysUseMessageFormat(false);
        this.cancel = Map.of("en", commandPattern("en"), "es", commandPattern("es"), "fr", commandPattern("fr"));
    }

    String text(String keyOrText, String language, Map<String, Object> values) {
        String template;
        try {
            template = messages.getMessage(keyOrText, null, Locale.forLanguageTag(language));
        } catch (NoSuchMessageException notAKey) {
            template = keyOrText;
        }
        return Templates.render(template, values);
    }

    boolean has(String key, String language) {
        try {
            messages.getMessage(key, null, Locale.forLanguageTag(language));
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }

    /** "cancel", "never mind", "stop": in the customer's language or in English. */
    boolean isCancel(String matchable, String language) {
        return cancel.getOrDefault(language, cancel.get("en")).matcher(matchable).find()
                || cancel.get("en").matcher(matchable).find();
    }

    private Pattern commandPattern(String language) {
        return Pattern.compile(messages.getMessage("command.cancel", null, Locale.forLanguageTag(language)));
    }
}
