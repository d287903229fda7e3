package dev.tandem.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * What the customer is told, in their language, about talking to an AI: the assistant's first message in a
 * conversation opens with it, whoever writes that message (an answer, a procedure). Where it comes from, first match
 * wins: the conversation's inbox ({@link Override}, set by an admin per inbox and language), the configuration
 * ({@code tandem.conversation.ai-disclosure.<language>}), the texts shipped per language
 * ({@code conversation/disclosure_<language>.properties}), and English.
 */
@Service
public class AiDisclosure {

    /** The languages the shipped texts cover; {@code DisclosureTextsTest} keeps them in step. */
    public static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "it", "nl");

    /** A text for one conversation set outside the configuration (the widget inbox it came from). */
    public interface Override {

        Optional<String> forConversation(UUID conversationId, String language);
    }

    /** @param aiDisclosure per language code, the text replacing the shipped one */
    @ConfigurationProperties("tandem.conversation")
    record Properties(Map<String, String> aiDisclosure) {

        Properties {
            aiDisclosure = aiDisclosure == null ? Map.of() : Map.copyOf(aiDisclosure);
        }
    }

    private final List<Override> overrides;
    private final Properties properties;

    AiDisclosure(List<Override> overrides, Properties properties) {
        this.overrides = overrides;
        this.properties = properties;
    }

    /** The disclosure for this conversation in {@code language} (English when the language is not covered). */
    public String text(String language, UUID conversationId) {
        String lang = language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT);
        if (conversationId != null) {
            for (Override override : overrides) {
                Optional<String> text = override.forConversation(conversationId, lang).filter(t -> !t.isBlank());
                if (text.isPresent()) {
                    return text.get();
                }
            }
        }
        String configured = properties.aiDisclosure().get(lang);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return shipped(lang);
    }

    /** The text shipped for a language, English for one without its own. */
    public static String shipped(String language) {
        Locale locale = LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ROOT;
        try {
            return ResourceBundle.getBundle("conversation/disclosure", locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString("ai-disclosure");
        }
        catch (MissingResourceException e) {
            return ResourceBundle.getBundle("conversation/disclosure", Locale.ROOT, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString("ai-disclosure");
        }
    }
}
