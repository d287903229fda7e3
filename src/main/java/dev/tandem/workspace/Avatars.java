package dev.tandem.workspace;

/** Initials and a stable colour for people without a photo. */
final class Avatars {

    private static final int TONES = 8;

    private Avatars() {
    }

    static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.strip().split("[\\s@._-]+");
        String first = firstLetter(parts[0]);
        String last = parts.length > 1 && !name.contains("@") ? firstLetter(parts[parts.length - 1]) : "";
        return (first + last).toUpperCase();
    }

    static String tone(String name) {
        return "tone-" + Math.floorMod(name == null ? 0 : name.hashCode(), TONES);
    }

    private static String firstLetter(String word) {
        return word.isEmpty() ? "" : new String(Character.toChars(word.codePointAt(0)));
    }
}
