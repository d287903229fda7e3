package dev.tandem.guardrails;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data with a fixed shape: e-mail addresses, payment cards (Luhn), IBANs (mod 97), US social
 * security numbers, UK national insurance numbers and IP addresses. The patterns accept the spaced,
 * dashed and dotted ways people type them; a checksum, where the type has one, decides.
 */
final class StructuredRecognizers {

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    /** 13 to 19 digits, each maybe followed by one space, dash or dot. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ .-]?\\d){12,18}(?!\\d)");
    private static final Pattern IBAN = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])[a-z]{2}\\d{2}(?:[ -]?[a-z0-9]){11,30}");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?![\\d-])");
    /** A bare nine-digit number is an SSN only when the words before it say so. */
    private static final Pattern SSN_CUE = Pattern.compile("(?i)(?:ssn|social security|soc\\.? sec|ss#|ss no)[^\\d]{0,20}$");
    private static final Pattern NINO = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])([a-ceghj-pr-tw-z][a-ceghj-npr-tw-z])[ ]?(\\d{2})[ ]?(\\d{2})[ ]?(\\d{2})[ ]?([a-d])(?![\\p{L}\\p{N}])");
    private static final Set<String> NINO_NEVER = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\.?\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?i)(?<![0-9a-f:])(?=[0-9a-f:.]*[0-9a-f])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3}(?![0-9a-f:])");

    /** ISO 13616 lengths by country (the SWIFT IBAN registry). */
    private static final java.util.Map<String, Integer> IBAN_LENGTHS = ibanLengths(
            "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 "
                    + "ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 "
                    + "LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 "
                    + "PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 "
                    + "VG24 XK20 YE30");

    private static java.util.Map<String, Integer> ibanLengths(String table) {
        java.util.Map<String, Integer> lengths = new java.util.HashMap<>();
        for (String entry : table.trim().split("\\s+")) {
            lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return java.util.Map.copyOf(lengths);
    }

    private StructuredRecognizers() {
    }

    static final PiiRecognizer EMAILS = (text, found) -> {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(new PiiSpan(PiiType.EMAIL, m.start(), m.end()));
        }
    };

    /** The longest run of 13 to 19 digits from the start of a candidate that passes Luhn. */
    static final PiiRecognizer CARDS = (text, found) -> {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            StringBuilder digits = new StringBuilder();
            int[] ends = new int[m.end() - m.start()];
            for (int i = m.start(); i < m.end(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    ends[digits.length()] = i + 1;
                    digits.append(text.charAt(i));
                }
            }
            for (int n = digits.length(); n >= 13; n--) {
                if (Checksums.luhn(digits.subSequence(0, n))) {
                    found.add(new PiiSpan(PiiType.CARD, m.start(), ends[n - 1]));
                    break;
                }
            }
        }
    };

    /**
     * Characters from the country code on, spaces and dashes skipped, up to the IBAN length of that country: a
     * mod-97 check alone lets about one in a hundred longer or shorter readings through.
     */
    static final PiiRecognizer IBANS = (text, found) -> {
        Matcher m = IBAN.matcher(text);
        // a failed candidate may have swallowed the start of a real one ("BA790413C my bank … ES19…"): look again after its start
        for (int from = 0; from < text.length() && m.find(from); from = m.start() + 1) {
            Integer length = IBAN_LENGTHS.get(text.substring(m.start(), m.start() + 2).toUpperCase(java.util.Locale.ROOT));
            if (length == null) {
                continue;
            }
            StringBuilder compact = new StringBuilder(length);
            int end = m.start();
            while (end < m.end() && compact.length() < length) {
                char c = text.charAt(end++);
                if (c != ' ' && c != '-') {
                    compact.append(c);
                }
            }
            boolean whole = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (compact.length() == length && (whole || end < m.end()) && Checksums.iban(compact.toString())) {
                found.add(new PiiSpan(PiiType.IBAN, m.start(), end));
            }
        }
    };

    static final PiiRecognizer SSNS = (text, found) -> {
        Matcher m = SSN.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("000") || m.group(3).equals("00") || m.group(4).equals("0000")) {
                continue;
            }
            boolean separated = !m.group(2).isEmpty();
            if (separated || SSN_CUE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                found.add(new PiiSpan(PiiType.SSN, m.start(), m.end()));
            }
        }
    };

    static final PiiRecognizer NINOS = (text, found) -> {
        Matcher m = NINO.matcher(text);
        while (m.find()) {
            if (!NINO_NEVER.contains(m.group(1).toUpperCase(java.util.Locale.ROOT))) {
                found.add(new PiiSpan(PiiType.NINO, m.start(), m.end()));
            }
        }
    };

    static final PiiRecognizer IP_ADDRESSES = (text, found) -> {
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            found.add(new PiiSpan(PiiType.IP_ADDRESS, v4.start(), v4.end()));
        }
        if (text.indexOf(':') < 0) {
            return;
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            if (isIpv6(v6.group())) {
                found.add(new PiiSpan(PiiType.IP_ADDRESS, v6.start(), v6.end()));
            }
        }
    };

    /** A text with a colon is read as an IPv6 literal only: no name is ever looked up. */
    private static boolean isIpv6(String candidate) {
        if (candidate.chars().filter(c -> c == ':').count() < 2 || candidate.replace(":", "").isEmpty()) {
            return false;
        }
        try {
            return InetAddress.getByName(candidate).getAddress().length == 16
                    || candidate.contains("::ffff:");
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    static List<PiiRecognizer> all() {
        return List.of(EMAILS, IBANS, CARDS, SSNS, NINOS, IP_ADDRESSES);
    }
}
