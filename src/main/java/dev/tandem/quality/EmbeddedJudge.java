package dev.tandem.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.quality.Transcript.Author;
import dev.tandem.quality.Transcript.Line;
import dev.tandem.understanding.Sentiment;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * The embedded mode's judge: each rubric item is a rule over cue patterns in several languages
 * ({@code quality/cues.yml}), understanding's reading of the customer's tone, and plain facts of the transcript
 * (who spoke last, which numbers and names the customer gave). Every verdict quotes the sentence it rests on.
 * Rules over cues rather than a model trained on labelled conversations, because the labels we have are few and
 * from a handful of businesses: a cue that means "I'll take care of it" means it in every business, while a
 * model fitted to one set learns its products. No state; thread-safe.
 */
final class EmbeddedJudge {

    /** Frustration at which understanding's reading counts as a feeling the agent should acknowledge. */
    private static final double FRUSTRATED = 0.45;
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{3,}\\b");
    private static final Set<String> ACRONYMS = Set.of("FAQ", "ASAP", "USA", "URL", "PDF", "SMS", "IBAN", "PIN", "API",
            "USD", "EUR", "GBP", "CHF", "BRL", "MXN", "DHL", "UPS", "TNT", "GLS", "DPD", "CTT", "SEUR", "MRW", "OTP", "VAT",
            "IVA", "TVA", "CPF", "NIF", "DNI", "NIE", "CEO", "APP", "IOS", "OK", "ID", "TV", "PC", "GPS", "EU", "UK",
            "PS", "RMA", "SKU", "CVV", "ATM", "ETA", "AM", "PM", "HTML", "WIFI", "LTE", "SIM", "ESIM", "USB", "HDMI", "NFC");
    private static final Pattern NUMBER = Pattern.compile("[#]?[A-Za-z]{0,4}-?\\d[\\d\\-/.,]*\\d|\\d{2,}");
    private static final Pattern CAPITALISED = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b\\p{Lu}[\\p{L}-]{2,}(?!['\u2019\\p{L}])");
    /**
     * Details only this customer's case has: a reference or flight code, the last digits of a card or line, an
     * amount of money. Durations and sizes ("within 5 days", "8 kg") are what any customer is told and do not count.
     */
    private static final Pattern CASE_DETAIL = Pattern.compile(
            "\\b\\p{Lu}{1,4}-?\\d{2,}[\\p{Lu}\\d]*\\b"
                    + "|(?i:ending(?: in)?|terminant par|acabad[ao] en|terminad[ao] en|endet auf|endend auf|eindigend op|che termina con|terminada em|terminado em|final)\\s+\\d{3,4}\\b"
                    + "|[\u20ac$\u00a3]\\s?\\d[\\d.,]*|\\b\\d[\\d.,]*\\s?(?:\u20ac|EUR|USD|GBP|CHF|R\\$)"
                    + "|\\b\\d{5,}\\b|[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    private static final Pattern NAMED_GREETING = Pattern.compile(
            "^\\W*(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hola|buen[oa]s (?:d[ií]as|tardes|noches)|estimad[oa]|"
                    + "bonjour|bonsoir|salut|cher|chere|hallo|guten (?:morgen|tag|abend)|liebe[rs]?|sehr geehrte[rs]? (?:frau|herr)|"
                    + "ola|oi|bom dia|boa (?:tarde|noite)|prezad[oa]|ciao|salve|buon ?giorno|buonasera|gentile(?: signor[ae]?)?|"
                    + "beste|hoi)[ ,]+(?i:(?:mr|mrs|ms|miss|sr|sra|mme|m|herr|frau|signor[ae]?|mevrouw|meneer)\\.? )?(\\p{Lu}[\\p{L}-]+)(?!['\u2019])",
            0);
    /** A title before a capitalised word ("Mr Patel", "Frau Becker", "Signora Ferri") or a name called out at a sentence's end. */
    private static final Pattern ADDRESSED = Pattern.compile(
            "\\b(?i:mr|mrs|ms|miss|dr|sr|sra|srta|senor|senora|señor|señora|don|doña|dona|senhor|senhora|mme|mlle|monsieur|madame|"
                    + "herr|frau|signor|signora|signorina|sig|mevrouw|meneer|dhr|mevr)\\.? (\\p{Lu}[\\p{L}-]+)"
                    + "|,\\s*(\\p{Lu}\\p{Ll}+)\\s*[!?.]",
            0);
    private static final Set<String> NOT_NAMES = Set.copyOf(List.of("there", "team", "all", "everyone", "folks", "guys", "sir", "madam",
            "customer", "cliente", "client", "kunde", "kundin", "again", "friend", "amigo", "amiga", "todos", "tous", "alle",
            "tutti", "todas", "and", "y", "et", "und", "e", "thanks", "thank", "gracias", "merci", "danke",
            "obrigado", "obrigada", "grazie", "welcome", "goodbye", "bye", "cheers", "okay", "sorry", "please", "done", "adios", "adiós", "hello", "there", "tschüss", "ciao", "tchau", "bienvenido", "bienvenue", "willkommen", "benvenuto"));

    private final Cues cues;
    private final SentimentAnalysis sentiment;

    EmbeddedJudge(Cues cues, SentimentAnalysis sentiment) {
        this.cues = cues;
        this.sentiment = sentiment;
    }

    List<Verdict> judge(Transcript transcript, Rubric rubric, ClaimChecks checks, String language) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Rubric.Item item : rubric.items()) {
            verdicts.add(judge(item, transcript, checks, language));
        }
        return verdicts;
    }

    private Verdict judge(Rubric.Item item, Transcript transcript, ClaimChecks checks, String language) {
        String name = item.name();
        List<Line> judged = transcript.lines().stream()
            .filter(l -> (l.author() == Author.AGENT && item.appliesTo().agents()) || (l.author() == Author.AI && item.appliesTo().ai()))
            .toList();
        if (judged.isEmpty()) {
            return Verdict.notApplicable(name, item.appliesTo() == Rubric.AppliesTo.AGENT ? "no agent took part" : "no turn to judge");
        }
        return switch (name) {
            case "greeted" -> greeted(judged);
            case "acknowledged_feelings" -> acknowledgedFeelings(transcript, judged);
            case "took_ownership" -> tookOwnership(judged);
            case "clear_next_steps" -> clearNextSteps(judged);
            case "professional_tone" -> professionalTone(judged);
            case "confirmed_resolution" -> confirmedResolution(transcript, judged);
            case "personalised" -> personalised(transcript, judged);
            case "closed_properly" -> closedProperly(transcript, judged);
            case "accurate" -> checks.accurate(judged, language);
            case "policy_compliant" -> checks.policyCompliant(judged, language);
            default -> Verdict.notApplicable(name, "the embedded judge has no rule for this item; LLM mode judges it");
        };
    }

    private Verdict greeted(List<Line> agent) {
        Line first = agent.get(0);
        FoldedText text = FoldedText.of(first.text());
        FoldedText.Span greeting = text.find(cues.of("greeting"));
        FoldedText.Span welcome = text.find(cues.of("welcome"));
        String opening = opening(first.text());
        if (greeting != null && welcome != null) {
            return new Verdict("greeted", true, first.id(), text.sentenceAround(greeting), 0.85, "greeting and welcome or introduction");
        }
        if (greeting != null && welcomingGreeting(text.folded().substring(greeting.foldedStart()))) {
            return new Verdict("greeted", true, first.id(), text.sentenceAround(greeting), 0.75, "greeting that welcomes");
        }
        return new Verdict("greeted", false, first.id(), opening, greeting == null ? 0.8 : 0.65,
                greeting == null ? "the agent's first message opens without a greeting" : "a greeting without a welcome or introduction");
    }

    private static boolean welcomingGreeting(String folded) {
        return folded.matches("^\\W*(welcome|bienvenid|bienvenue|willkommen|herzlich willkommen|bem[- ]vind|benvenut|welkom).*");
    }

    private Verdict acknowledgedFeelings(Transcript transcript, List<Line> agent) {
        Line feeling = null;
        String feelingWords = null;
        for (Line line : transcript.by(Author.CUSTOMER)) {
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("feeling"));
            Sentiment tone = sentiment.analyse(line.text());
            if (cue != null) {
                feeling = line;
                feelingWords = text.sentenceAround(cue);
                break;
            }
            if (tone.frustration() >= FRUSTRATED) {
                feeling = line;
                feelingWords = opening(line.text());
                break;
            }
        }
        if (feeling == null) {
            return Verdict.notApplicable("acknowledged_feelings", "the customer expressed no feelings");
        }
        for (Line line : agent) {
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("empathy"));
            if (cue != null) {
                return new Verdict("acknowledged_feelings", true, line.id(), text.sentenceAround(cue), 0.8,
                        "the agent acknowledged what the customer felt");
            }
        }
        return new Verdict("acknowledged_feelings", false, feeling.id(), feelingWords, 0.7,
                "the customer's feeling was not acknowledged");
    }

    private Verdict tookOwnership(List<Line> agent) {
        for (Line line : agent) {
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("deflection"));
            if (cue != null) {
                return new Verdict("took_ownership", false, line.id(), text.sentenceAround(cue), 0.8, "the agent deflected");
            }
        }
        for (Line line : agent) {
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("ownership"));
            if (cue != null) {
                return new Verdict("took_ownership", true, line.id(), text.sentenceAround(cue), 0.8, "the agent committed to act");
            }
        }
        for (Line line : agent) {
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("self_service"));
            if (cue != null) {
                return new Verdict("took_ownership", false, line.id(), text.sentenceAround(cue), 0.7,
                        "the agent left the customer to do it themselves");
            }
        }
        // Answering without "I'll" is not counted: on the labelled sets, taking an answer for ownership turned more
        // self-service deflections true than it saved plain answers (0.875 against 0.894 on dev).
        Line first = agent.get(0);
        return new Verdict("took_ownership", false, first.id(), opening(first.text()), 0.55,
                "no commitment to act found in the agent's messages");
    }

    private Verdict clearNextSteps(List<Line> agent) {
        // the latest word on what happens next counts: a concrete step later promised vaguely is vague
        for (int i = agent.size() - 1; i >= 0; i--) {
            Line line = agent.get(i);
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span vague = text.find(cues.of("vague_next_step"));
            if (vague != null) {
                return new Verdict("clear_next_steps", false, line.id(), text.sentenceAround(vague), 0.75,
                        "the next step is vague");
            }
            FoldedText.Span cue = text.find(cues.of("next_step"));
            if (cue != null) {
                return new Verdict("clear_next_steps", true, line.id(), text.sentenceAround(cue), 0.75,
                        "a concrete next step or time");
            }
        }
        Line last = agent.get(agent.size() - 1);
        for (int i = agent.size() - 1; i >= 0; i--) {
            FoldedText text = FoldedText.of(agent.get(i).text());
            FoldedText.Span cue = text.find(cues.of("nothing_pending"));
            if (cue != null) {
                return new Verdict("clear_next_steps", null, agent.get(i).id(), text.sentenceAround(cue), 0.55,
                        "the matter is settled: nothing is pending");
            }
        }
        return new Verdict("clear_next_steps", false, last.id(), opening(last.text()), 0.55, "no concrete next step stated");
    }

    private Verdict professionalTone(List<Line> agent) {
        for (Line line : agent) {
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("unprofessional"));
            if (cue != null) {
                return new Verdict("professional_tone", false, line.id(), text.sentenceAround(cue), 0.8,
                        "slang, rudeness, blame or condescension");
            }
            String shouted = shouting(line.text());
            if (shouted != null) {
                return new Verdict("professional_tone", false, line.id(), shouted, 0.7, "shouting in capitals");
            }
        }
        Line first = agent.get(0);
        return new Verdict("professional_tone", true, first.id(), opening(first.text()), 0.75, "no unprofessional wording found");
    }

    private static String shouting(String text) {
        Matcher m = SHOUTED_WORD.matcher(text);
        int count = 0;
        String first = null;
        while (m.find()) {
            if (!ACRONYMS.contains(m.group())) {
                count++;
                first = first == null ? m.group() : first;
            }
        }
        return count >= 2 || text.contains("!!!") ? (first == null ? "!!!" : first) : null;
    }

    private Verdict confirmedResolution(Transcript transcript, List<Line> agent) {
        // "near the end": the agent's last two messages
        for (int i = agent.size() - 1; i >= Math.max(0, agent.size() - 2); i--) {
            Line line = agent.get(i);
            FoldedText text = FoldedText.of(line.text());
            FoldedText.Span cue = text.find(cues.of("check_resolution"));
            if (cue != null) {
                return new Verdict("confirmed_resolution", true, line.id(), text.sentenceAround(cue), 0.8,
                        "the agent checked the issue is solved or asked for anything else");
            }
        }
        Line last = agent.get(agent.size() - 1);
        return new Verdict("confirmed_resolution", false, last.id(), opening(last.text()), 0.7,
                "no explicit check near the end");
    }

    private Verdict personalised(Transcript transcript, List<Line> agent) {
        Set<String> names = new LinkedHashSet<>();
        if (transcript.customerName() != null && !transcript.customerName().isBlank()) {
            names.add(transcript.customerName().strip().split("\\s+")[0]);
        }
        Set<String> details = new LinkedHashSet<>();
        for (Line line : transcript.by(Author.CUSTOMER)) {
            Matcher numbers = NUMBER.matcher(line.text());
            while (numbers.find()) {
                String digits = numbers.group().replaceAll("\\D", "");
                if (digits.length() >= 2) {
                    details.add(digits);
                }
            }
            Matcher capitalised = CAPITALISED.matcher(line.text());
            while (capitalised.find()) {
                String word = capitalised.group();
                if (!word.equals(word.toUpperCase(Locale.ROOT)) || word.length() > 3) {
                    names.add(word);
                }
            }
        }
        for (Line line : agent) {
            Matcher greeting = NAMED_GREETING.matcher(line.text());
            if (greeting.find() && !NOT_NAMES.contains(greeting.group(1).toLowerCase(Locale.ROOT))) {
                return new Verdict("personalised", true, line.id(), line.text().substring(greeting.start(), greeting.end()).strip(),
                        0.8, "the agent used the customer's name");
            }
            Matcher addressed = ADDRESSED.matcher(line.text());
            while (addressed.find()) {
                String name = addressed.group(1) != null ? addressed.group(1) : addressed.group(2);
                if (!NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                    return new Verdict("personalised", true, line.id(), addressed.group().replaceFirst("^,\\s*", "").strip(), 0.8,
                            "the agent addressed the customer by name");
                }
            }
            for (String name : names) {
                int at = wordIndex(line.text(), name);
                if (at >= 0) {
                    return new Verdict("personalised", true, line.id(), name, 0.75, "the agent used a name or detail the customer gave");
                }
            }
            Matcher numbers = NUMBER.matcher(line.text());
            while (numbers.find()) {
                String digits = numbers.group().replaceAll("\\D", "");
                if (details.contains(digits)) {
                    return new Verdict("personalised", true, line.id(), numbers.group(), 0.8,
                            "the agent used a number from the customer's case");
                }
            }
            Matcher detail = CASE_DETAIL.matcher(line.text());
            if (detail.find()) {
                return new Verdict("personalised", true, line.id(), detail.group().strip(), 0.7,
                        "the agent named a detail of the customer's case");
            }
        }
        Line first = agent.get(0);
        return new Verdict("personalised", false, first.id(), opening(first.text()), 0.6,
                "neither the customer's name nor the details of their case");
    }

    private static int wordIndex(String text, String word) {
        Matcher m = Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})").matcher(text);
        return m.find() ? m.start() : -1;
    }

    private Verdict closedProperly(Transcript transcript, List<Line> agent) {
        Line last = transcript.last().orElseThrow();
        if (last.author() != Author.AGENT) {
            return new Verdict("closed_properly", false, last.id(), opening(last.text()), 0.85,
                    last.author() == Author.CUSTOMER ? "the customer spoke last" : "the agent did not close");
        }
        FoldedText text = FoldedText.of(last.text());
        FoldedText.Span cue = text.find(cues.of("closing"));
        if (cue != null) {
            return new Verdict("closed_properly", true, last.id(), text.sentenceAround(cue), 0.8, "the agent's polite closing");
        }
        return new Verdict("closed_properly", false, last.id(), opening(last.text()), 0.65, "the last message has no closing");
    }

    /** The first sentence of a message, as written: the words a "not found" verdict points at. */
    static String opening(String text) {
        String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && end < 200) {
            char c = stripped.charAt(end);
            end++;
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                break;
            }
        }
        return stripped.substring(0, end).strip();
    }
}
