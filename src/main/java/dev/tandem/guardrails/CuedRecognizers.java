package dev.tandem.guardrails;

import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data that has no fixed shape of its own: dates of birth, street addresses and person names.
 * Each is found from what usually surrounds it (a date after "born" or "DOB", a house number before a
 * street type, a capitalised name after "my name is"); the patterns are for English and the other
 * languages of the demo, and miss what is written without such cues. Better than nothing, not a
 * guarantee: the README says so.
 */
final class CuedRecognizers {

    private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember"
            + "|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
            + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\.?";
    private static final Pattern DATE = Pattern.compile("(?iu)(?<![\\d/.-])(?:"
            + "(?<y1>(?:19|20)\\d{2})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|[12]\\d|3[01])[-/.](?<y2>(?:19|20)?\\d{2})"
            + "|(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+|de\\s+)?" + MONTHS + ",?\\s+(?:de\\s+)?(?<y3>(?:19|20)\\d{2})"
            + "|" + MONTHS + "\\s+(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?\\s+(?<y4>(?:19|20)\\d{2})"
            + ")(?![\\d/.-]?\\d)");
    private static final Pattern BIRTH_CUE = Pattern.compile("(?iu)(?:born|birth|d\\.?o\\.?b|birthday|geboren|geburt"
            + "|né|née|naissance|nacimiento|nací|nacido|nacida|nascita|nato|nata)");

    private static final String STREET_TYPES = "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
            + "|Way|Place|Pl|Terrace|Ter|Close|Crescent|Cres|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Trail|Trl"
            + "|Row|Gardens|Gdns|Mews|Hill|Walk|Grove|Park|Alley|Plaza|Loop|Pike|Expressway|Freeway|Turnpike|Ridge"
            + "|Heights|Point|Crossing|Ports?|Harbors?|Ville|Vista|Via|Mall|Manor|Meadows?|Mill|Mission|Station|Summit"
            + "|Track|Union|Valley|View|Village|Wells?|Shores?|Springs?|Forest|Fork|Garden|Glen|Green|Haven|Island"
            + "|Junction|Key|Knoll|Lake|Land|Lodge|Orchard|Overpass|Path|Pines|Prairie|Ranch|Rest|River|Run|Shoal"
            + "|Spur|Stream|Tunnel|Burgs?|Bypass|Camp|Canyon|Cape|Causeway|Center|Centre|Cliffs?|Club|Common|Corners?"
            + "|Course|Courts|Cove|Creek|Crest|Dale|Dam|Divide|Estates?|Extension|Falls|Ferry|Fields?|Flats?|Ford|Fort"
            + "|Gateway|Hollow|Inlet|Isle|Lights?|Lock|Loaf|Motorway|Neck|Oval|Pass|Pine|Plains?|Radial|Rapids|Ramp"
            + "|Route|Squares|Stravenue|Streets|Throughway|Trace|Trafficway|Underpass|Viaduct|Views|Ways";
    private static final Pattern ADDRESS = Pattern.compile("(?u)"
            // 221B Baker Street, Apt 4, Springfield, IL 62704
            + "(?<![\\p{L}\\p{N}])\\d{1,6}[A-Za-z]?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){0,4}(?:" + STREET_TYPES + ")\\b\\.?"
            + "(?:,?\\s*(?:(?i:apt|apartment|suite|ste|unit|flat|floor|fl)\\.?|#)\\s*[\\w-]{1,6})?"
            + "(?:,?\\s+\\p{Lu}[\\p{L}'.-]+(?:\\s\\p{Lu}[\\p{L}'.-]+){0,2})?(?:,?\\s*\\p{Lu}{2})?(?:\\s+\\d{5}(?:-\\d{4})?)?"
            // Hauptstraße 5, Calle Mayor 12, Via Roma 3
            + "|(?<![\\p{L}])(?:\\p{Lu}[\\p{L}-]*(?i:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|laan|straat|gracht)"
            + "|(?i:calle|avenida|av\\.|plaza|paseo|via|viale|piazza|corso|rua|carrer)\\s+(?:\\p{L}[\\p{L}'-]*\\s+){0,4}?)"
            + "\\s*\\d{1,4}[a-z]?\\b(?:,\\s*\\d{5}\\s+\\p{Lu}[\\p{L}-]+)?"
            // 12 rue de la Paix
            + "|(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?i:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai)"
            + "\\s+(?:(?:de|du|des|la|le|l'|d')\\s*){0,2}\\p{Lu}[\\p{L}'-]+"
            // UK postcode
            + "|(?<![\\p{L}\\p{N}])(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})(?![\\p{L}\\p{N}])");

    /** Anna, O'Brien, McDonald, Jean-Luc, Müller. */
    private static final String NAME_WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?";
    private static final Pattern NAME = Pattern.compile("(?u)(?<![\\p{L}\\p{N}])(?:(?i:my name is|my name's|name is|name:|i am|i'm|im|this is"
            + "|call me|regards,?|thanks,|thank you,|cheers,|sincerely,?|best,|signed,?|mr\\.?|mrs\\.?|ms\\.?|miss|mx\\.?|dr\\.?"
            + "|je m'appelle|je suis|mon nom est|me llamo|mi nombre es|soy|ich heiße|ich heisse|mein name ist|ich bin"
            + "|mi chiamo|sono|account holder|customer|cardholder|card holder)[:\\s]\\s*)"
            + "(" + NAME_WORD + "(?:[ -](?:(?:van|von|de|del|da|di|le|la|du|der|den|ter|bin|al)\\s)?" + NAME_WORD + "){0,2})");
    /** Capitalised words after a cue that are not names ("I'm Sorry", "This is Urgent"). */
    private static final Set<String> NOT_NAMES = Set.of("sorry", "not", "very", "so", "still", "also", "just", "really",
            "trying", "looking", "having", "writing", "getting", "going", "unable", "happy", "glad", "sure", "here",
            "the", "a", "an", "my", "your", "it", "this", "that", "urgent", "important", "interested", "calling",
            "contacting", "confused", "frustrated", "angry", "upset", "new", "from", "in", "on", "at", "for", "with",
            "waiting", "please", "thanks", "thank", "hello", "hi", "hey", "okay", "ok", "fine", "good", "well",
            "regarding", "about", "again", "done", "ready", "able", "no", "yes", "all", "what", "how", "why",
            "when", "where", "i", "we", "you", "they", "he", "she", "customer", "support", "service", "order", "account");

    private CuedRecognizers() {
    }

    static final PiiRecognizer BIRTH_DATES = (text, found) -> {
        Matcher m = DATE.matcher(text);
        int oldest = Year.now().getValue() - 12;
        while (m.find()) {
            String year = m.group("y1") != null ? m.group("y1") : m.group("y2") != null ? m.group("y2")
                    : m.group("y3") != null ? m.group("y3") : m.group("y4");
            int y = Integer.parseInt(year);
            if (year.length() == 2) {
                y += y > Year.now().getValue() % 100 ? 1900 : 2000;
            }
            boolean cued = BIRTH_CUE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find();
            // a date in a support conversation is an order or a delivery; one from long ago is a birthday
            if (cued || (y >= 1900 && y <= oldest)) {
                found.add(new PiiSpan(PiiType.DATE_OF_BIRTH, m.start(), m.end()));
            }
        }
    };

    static final PiiRecognizer ADDRESSES = (text, found) -> {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end - m.start() > 5) {
                found.add(new PiiSpan(PiiType.STREET_ADDRESS, m.start(), end));
            }
        }
    };

    static final PiiRecognizer NAMES = (text, found) -> {
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).split("[ -]");
            if (NOT_NAMES.contains(words[0].toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            int end = m.end(1);
            // "I'm Anna and …": the first word only when the next is not capitalised
            found.add(new PiiSpan(PiiType.PERSON_NAME, m.start(1), end));
        }
    };

    static List<PiiRecognizer> all() {
        return List.of(BIRTH_DATES, ADDRESSES, NAMES);
    }
}
