package dev.tandem.answering;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a customer's message asks for a person, in the languages the assistant speaks: "can I
 * talk to a human?", "hablar con una persona", "einen Mitarbeiter bitte", or a plain "yes" right
 * after the assistant offered one. Deliberately narrow: a person named as a subject ("can my
 * manager use my account?") is not a request; finer judgement belongs to the escalation policy.
 */
final class PersonRequests {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> ASKS = List.of(
            Pattern.compile("\\b(talk|speak|chat)\\w*\\s+(to|with)\\s+(a|an|some|the|your)?\\s*(real|live|actual)?\\s*"
                    + "(person|human|agent|representative|rep|operator|someone|somebody|staff|support agent)\\b", FLAGS),
            Pattern.compile("\\b(connect|transfer|put)\\s+me\\s+(through\\s+)?(to|with)\\s+(a|an|the)?\\s*(real|live)?\\s*"
                    + "(person|human|agent|representative|operator|someone)\\b", FLAGS),
            Pattern.compile("\\b(real|live)\\s+(person|human|agent)\\b", FLAGS),
            Pattern.compile("^\\W*(a\\s+)?(human|agent|person|representative|operator)(\\s+please)?\\W*$", FLAGS),
            Pattern.compile("\\bhablar\\s+con\\s+(una?\\s+)?(persona|humano|agente|asesor|operador|alguien)\\b", FLAGS),
            Pattern.compile("\\b(persona\\s+real|agente\\s+humano)\\b", FLAGS),
            Pattern.compile("\\bparler\\s+(à|a|avec)\\s+(une?\\s+)?(personne|humain|conseiller|conseillère|agent|quelqu'un)\\b", FLAGS),
            Pattern.compile("\\b(vraie\\s+personne|conseiller\\s+humain)\\b", FLAGS),
            Pattern.compile("\\b(mit\\s+)?(einem|einer)\\s+(echten\\s+)?(menschen|mitarbeiter|mitarbeiterin|person|berater|beraterin)"
                    + "\\s+(sprechen|reden|verbinden|chatten)\\b", FLAGS),
            Pattern.compile("\\b(echten\\s+menschen|mitarbeiter\\s+bitte)\\b", FLAGS),
            Pattern.compile("\\bfalar\\s+com\\s+(uma?\\s+)?(pessoa|humano|atendente|agente|algu[ée]m)\\b", FLAGS),
            Pattern.compile("\\bparlare\\s+con\\s+(una?\\s+)?(persona|operatore|operatrice|umano|qualcuno)\\b", FLAGS),
            Pattern.compile("\\b(praten|spreken|chatten)\\s+met\\s+(een\\s+)?(medewerker|mens|persoon|iemand)\\b", FLAGS));

    private static final Pattern YES = Pattern.compile(
            "^\\W*(yes|yeah|yep|sure|ok|okay|please|yes please|s[ií]|claro|s[ií],? por favor|por favor|oui|oui merci|"
                    + "d'accord|ja|ja bitte|gerne|ja graag|graag|sim|sim,? por favor|certo|s[ìi],? grazie|va bene)\\W*$", FLAGS);

    private PersonRequests() {
    }

    /** @param personOffered the assistant's previous message offered a person */
    static boolean asksForPerson(String text, boolean personOffered) {
        if (text == null) {
            return false;
        }
        if (personOffered && YES.matcher(text.strip()).matches()) {
            return true;
        }
        return ASKS.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }
}
