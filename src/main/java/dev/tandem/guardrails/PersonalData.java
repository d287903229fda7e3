package dev.tandem.guardrails;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and masks personal data in a text: e-mail addresses, phone numbers, payment cards, IBANs, US SSNs,
 * UK NINOs, IP addresses, dates of birth, street addresses and person names ({@link PiiType}). Plain Java,
 * no Spring: the log masking runs inside logback, before and outside the application context. Thread-safe.
 *
 * <p>Where two findings overlap, the more certain type wins (checksums and formats before cues), and a
 * span is masked whole: {@code [CARD]}, {@code [EMAIL]}.
 */
public final class PersonalData {

    /** Regions whose national phone formats are read when no configuration says otherwise. */
    public static final List<String> DEFAULT_PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "ES", "IT", "NL");

    private static final PersonalData STANDARD = new PersonalData(DEFAULT_PHONE_REGIONS);

    private final List<PiiRecognizer> recognizers;

    /** @param phoneRegions regions whose national phone formats are read (numbers with +country code always are) */
    public PersonalData(List<String> phoneRegions) {
        List<PiiRecognizer> all = new ArrayList<>(StructuredRecognizers.all());
        all.add(new PhoneRecognizer(phoneRegions));
        all.addAll(CuedRecognizers.all());
        this.recognizers = List.copyOf(all);
    }

    /** Every type, the default phone regions: what the log and the external model get. */
    public static PersonalData standard() {
        return STANDARD;
    }

    /**
     * The personal data in {@code text}, in order, never overlapping: where two recognizers claim the same
     * characters the one listed first in {@link PiiType}'s certainty order keeps them.
     */
    public List<PiiSpan> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PiiSpan> candidates = new ArrayList<>();
        for (PiiRecognizer recognizer : recognizers) {
            recognizer.find(text, candidates);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // the more certain type first, then the longer span
        candidates.sort(Comparator.comparingInt((PiiSpan s) -> s.type().certainty())
            .thenComparing(Comparator.comparingInt((PiiSpan s) -> s.end() - s.start()).reversed()));
        List<PiiSpan> kept = new ArrayList<>();
        for (PiiSpan candidate : candidates) {
            PiiSpan rest = candidate;
            for (PiiSpan surer : kept) {
                if (rest != null && rest.overlaps(surer)) {
                    // an address that ran on into a date keeps its own part: "12 Elm Road, born 1980-…"
                    rest = rest.start() < surer.start() && surer.start() - rest.start() >= 4
                            ? new PiiSpan(rest.type(), rest.start(), surer.start()) : null;
                }
            }
            if (rest != null) {
                kept.add(rest);
            }
        }
        kept.sort(Comparator.comparingInt(PiiSpan::start));
        return List.copyOf(kept);
    }

    /** {@code text} with every kind of personal data replaced by its mask. */
    public String mask(String text) {
        return mask(text, EnumSet.allOf(PiiType.class));
    }

    /** {@code text} with the personal data of these types replaced by their masks; the rest unchanged. */
    public String mask(String text, Set<PiiType> types) {
        if (text == null || text.isEmpty() || types.isEmpty()) {
            return text;
        }
        List<PiiSpan> spans = find(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int at = 0;
        for (PiiSpan span : spans) {
            if (!types.contains(span.type())) {
                continue;
            }
            masked.append(text, at, span.start()).append(span.type().mask());
            at = span.end();
        }
        return masked.append(text, at, text.length()).toString();
    }

    /** Masks every type with the standard detector; for text about to leave for an external model or a log. */
    public static String masked(String text) {
        return STANDARD.mask(text);
    }
}
