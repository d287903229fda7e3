package dev.tandem.channel;

import java.util.UUID;

/**
 * A place where the widget is embedded, with its look: the key goes into the {@code data-inbox}
 * attribute of the script tag; new conversations from it go to {@code teamId}'s queue.
 */
public record WidgetInbox(UUID id, String key, String name, String companyName, String greeting, String color,
        UUID teamId) {
}
