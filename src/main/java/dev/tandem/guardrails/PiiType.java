package dev.tandem.guardrails;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of personal data the guardrails find. The first six are structured (a checksum, a format
 * or a numbering plan decides); dates of birth, street addresses and person names are found from cues in
 * the text and miss more.
 */
public enum PiiType {

    EMAIL("email", true, "email_address", "e-mail"),
    PHONE("phone", true, "phone_number", "telephone"),
    CARD("card", true, "credit_card", "card_number", "payment_card", "credit_card_number", "cc"),
    IBAN("iban", true, "iban_code", "bank_account"),
    SSN("ssn", true, "us_ssn", "social_security_number"),
    NINO("nino", true, "uk_nino", "national_insurance_number", "ni_number"),
    IP_ADDRESS("ip", true, "ip_address", "ipv4", "ipv6"),
    DATE_OF_BIRTH("dob", false, "date_of_birth", "birth_date", "birthdate", "date"),
    STREET_ADDRESS("address", false, "street_address", "location", "street"),
    PERSON_NAME("name", false, "person", "person_name", "full_name", "first_name", "last_name", "per");

    private final String code;
    private final boolean structured;
    private final Set<String> aliases;

    PiiType(String code, boolean structured, String... aliases) {
        this.code = code;
        this.structured = structured;
        this.aliases = Set.of(aliases);
    }

    /** The short name used in masks ({@code [EMAIL]}), configuration and evaluation reports. */
    public String code() {
        return code;
    }

    /** Whether a format, checksum or numbering plan identifies it (not a cue in the surrounding words). */
    public boolean structured() {
        return structured;
    }

    /**
     * Which of two overlapping findings keeps the characters, lowest first: a checksum or a strict format
     * (an IBAN, a card) is surer than a numbering plan (a phone number), and that than a cue.
     */
    int certainty() {
        return switch (this) {
            case EMAIL -> 0;
            case IBAN -> 1;
            case CARD -> 2;
            case SSN -> 3;
            case NINO -> 4;
            case IP_ADDRESS -> 5;
            case DATE_OF_BIRTH -> 6;
            case PHONE -> 7;
            case STREET_ADDRESS -> 8;
            case PERSON_NAME -> 9;
        };
    }

    /** What a masked occurrence reads as. */
    public String mask() {
        return "[" + code.toUpperCase(Locale.ROOT) + "]";
    }

    /** The type a dataset's label names ({@code "credit_card"}, {@code "EMAIL_ADDRESS"}, {@code "ip"}, …), if any. */
    public static Optional<PiiType> named(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String key = label.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (PiiType type : values()) {
            if (type.code.equals(key) || type.name().toLowerCase(Locale.ROOT).equals(key) || type.aliases.contains(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
