package dev.tandem.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.guardrails.OutputGuardrails;
import dev.tandem.guardrails.OutputVerdict;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.knowledge.Passage;

/**
 * {@code accurate} and {@code policy_compliant} against the running system. Accuracy: a sentence that states a
 * general fact with a figure (a delay, a price or fee, a limit, a percentage) is looked up in the knowledge base;
 * when a passage on the same subject gives the figure, the claim agrees; when passages on the subject give other
 * figures and none this one, it does not; when the knowledge base says nothing on the subject, the item does not
 * apply. At most {@link #MAX_CLAIMS} searches per conversation, which bounds its cost. Policy: every judged message
 * through the output constitution, as if it were about to be sent, with nothing recorded.
 */
final class SystemClaimChecks implements ClaimChecks {

    private static final int MAX_CLAIMS = 3;
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]?");
    private static final Pattern FIGURE = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s?(%|€|\\$|£|(?:business |working )?(?:days?|hours?|weeks?|months?|minutes?|kg)|dias?|jours?|tage?n?|giorni|horas?|heures?|stunden|ore|semanas?|semaines?|wochen|settimane)"
                    + "|[€$£]\\s?(\\d+(?:[.,]\\d+)?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CASE_CODE = Pattern.compile("\\b\\p{Lu}{1,4}-?\\d{3,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");

    private final KnowledgeSearch knowledge;
    private final OutputGuardrails guardrails;
    private final Map<String, List<Passage>> searched;
    private final Map<String, OutputVerdict> judged;

    SystemClaimChecks(KnowledgeSearch knowledge, OutputGuardrails guardrails) {
        this(knowledge, guardrails, null, null);
    }

    private SystemClaimChecks(KnowledgeSearch knowledge, OutputGuardrails guardrails, Map<String, List<Passage>> searched,
            Map<String, OutputVerdict> judged) {
        this.knowledge = knowledge;
        this.guardrails = guardrails;
        this.searched = searched;
        this.judged = judged;
    }

    /**
     * Checks for one conversation, on one thread, that remember their searches and constitution passes: each AI reply
     * is checked again on its own after the conversation ({@link JudgeAiTurns}) and pays for nothing twice.
     */
    SystemClaimChecks forOneConversation() {
        return new SystemClaimChecks(knowledge, guardrails, new HashMap<>(), new HashMap<>());
    }

    private List<Passage> search(String sentence, String language) {
        String in = language == null ? "en" : language;
        if (searched == null) {
            return knowledge.search(sentence, in, Audience.AGENT, 3);
        }
        return searched.computeIfAbsent(in + "|" + sentence, k -> knowledge.search(sentence, in, Audience.AGENT, 3));
    }

    private OutputVerdict judgeWritten(String text, String language) {
        if (judged == null) {
            return guardrails.judgeWritten(text, language);
        }
        return judged.computeIfAbsent(language + "|" + text, k -> guardrails.judgeWritten(text, language));
    }

    @Override
    public Verdict accurate(List<Transcript.Line> lines, String language) {
        int checked = 0;
        Verdict agreeing = null;
        for (Transcript.Line line : lines) {
            Matcher sentences = SENTENCE.matcher(line.text());
            while (sentences.find() && checked < MAX_CLAIMS) {
                String sentence = sentences.group().strip();
                Matcher figure = FIGURE.matcher(sentence);
                if (!figure.find() || CASE_CODE.matcher(sentence).find()) {
                    continue;
                }
                checked++;
                String number = figure.group(1) != null ? figure.group(1) : figure.group(3);
                List<Passage> passages = search(sentence, language);
                Set<String> words = words(sentence);
                boolean onSubject = false;
                Passage supporting = null;
                for (Passage passage : passages) {
                    if (overlap(words, words(passage.text())) >= 2) {
                        onSubject = true;
                        if (holdsNumber(passage.text(), number)) {
                            supporting = passage;
                            break;
                        }
                    }
                }
                if (supporting != null) {
                    agreeing = agreeing != null ? agreeing : new Verdict("accurate", true, line.id(), sentence, 0.65,
                            "the knowledge base gives the same figure (" + supporting.title() + ")");
                } else if (onSubject) {
                    return new Verdict("accurate", false, line.id(), sentence, 0.6,
                            "the knowledge base gives other figures on this subject");
                }
            }
        }
        return agreeing != null ? agreeing
                : Verdict.notApplicable("accurate", checked == 0 ? "no factual claim with a figure" : "the knowledge base does not cover the claims");
    }

    @Override
    public Verdict policyCompliant(List<Transcript.Line> lines, String language) {
        for (Transcript.Line line : lines) {
            OutputVerdict verdict = judgeWritten(line.text(), language);
            if (!verdict.allowed()) {
                return new Verdict("policy_compliant", false, line.id(), EmbeddedJudge.opening(line.text()), 0.75,
                        "breaks constitution rule " + verdict.ruleId() + " (version " + verdict.constitutionVersion() + ")");
            }
        }
        Transcript.Line last = lines.get(lines.size() - 1);
        return new Verdict("policy_compliant", true, last.id(), EmbeddedJudge.opening(last.text()), 0.7,
                "no constitution rule broken");
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static int overlap(Set<String> a, Set<String> b) {
        int n = 0;
        for (String word : a) {
            n += b.contains(word) ? 1 : 0;
        }
        return n;
    }

    private static boolean holdsNumber(String text, String number) {
        String plain = number.replace(',', '.');
        Matcher m = Pattern.compile("\\d+(?:[.,]\\d+)?").matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group().replace(',', '.'));
        }
        return found.stream().anyMatch(n -> n.equals(plain) || stripZeros(n).equals(stripZeros(plain)));
    }

    private static String stripZeros(String number) {
        return number.contains(".") ? number.replaceAll("\\.?0+$", "") : number;
    }
}
