package dev.tandem.routing;

import java.util.Map;

/**
 * What the customer is told about the wait, in their language (the seven the assistant speaks):
 * roughly when a person replies, or, outside business hours, that nobody is online and that they may
 * leave an email address. Routing's own texts rather than escalation's holding messages: the
 * holding message is sent before routing has decided anything, and escalation must not depend on
 * routing (routing depends on it).
 */
final class WaitNotices {

    private record Texts(String oneMinute, String minutes, String closed) {
    }

    private static final Map<String, Texts> BY_LANGUAGE = Map.of(
            "en", new Texts("A member of our team usually replies within a minute.",
                    "A member of our team usually replies within %d minutes.",
                    "Nobody from our team is online right now (our hours: %s). Leave your email address and we will reply by email as soon as we are back, or keep this chat open and we will answer here."),
            "es", new Texts("Normalmente alguien de nuestro equipo responde en menos de un minuto.",
                    "Normalmente alguien de nuestro equipo responde en menos de %d minutos.",
                    "Ahora mismo no hay nadie de nuestro equipo conectado (nuestro horario: %s). Déjanos tu correo electrónico y te responderemos por email en cuanto volvamos, o mantén abierto este chat y te responderemos aquí."),
            "fr", new Texts("Un membre de notre équipe répond généralement en moins d'une minute.",
                    "Un membre de notre équipe répond généralement en moins de %d minutes.",
                    "Personne de notre équipe n'est en ligne pour le moment (nos horaires : %s). Laissez votre adresse e-mail et nous vous répondrons par e-mail dès notre retour, ou gardez ce chat ouvert et nous vous répondrons ici."),
            "de", new Texts("Jemand aus unserem Team antwortet normalerweise innerhalb einer Minute.",
                    "Jemand aus unserem Team antwortet normalerweise innerhalb von %d Minuten.",
                    "Gerade ist niemand aus unserem Team online (unsere Zeiten: %s). Hinterlassen Sie Ihre E-Mail-Adresse, dann antworten wir per E-Mail, sobald wir zurück sind, oder lassen Sie diesen Chat offen, dann antworten wir hier."),
            "pt", new Texts("Normalmente alguém da nossa equipe responde em até um minuto.",
                    "Normalmente alguém da nossa equipe responde em até %d minutos.",
                    "Não há ninguém da nossa equipe online agora (nosso horário: %s). Deixe seu e-mail e responderemos por e-mail assim que voltarmos, ou mantenha este chat aberto e responderemos aqui."),
            "it", new Texts("Di solito una persona del nostro team risponde entro un minuto.",
                    "Di solito una persona del nostro team risponde entro %d minuti.",
                    "Al momento nessuno del nostro team è online (i nostri orari: %s). Lasci il suo indirizzo email e le risponderemo via email appena torniamo, oppure tenga aperta questa chat e le risponderemo qui."),
            "nl", new Texts("Meestal reageert iemand van ons team binnen een minuut.",
                    "Meestal reageert iemand van ons team binnen %d minuten.",
                    "Er is nu niemand van ons team online (onze tijden: %s). Laat uw e-mailadres achter, dan antwoorden we per e-mail zodra we terug zijn, of houd deze chat open, dan antwoorden we hier."));

    private WaitNotices() {
    }

    static String usualWait(long minutes, String language) {
        Texts texts = texts(language);
        return minutes <= 1 ? texts.oneMinute() : texts.minutes().formatted(minutes);
    }

    static String closed(String hours, String language) {
        return texts(language).closed().formatted(hours);
    }

    /** The language the notices are written in for a customer who writes {@code language}: theirs, else English. */
    static String languageFor(String language) {
        return language != null && BY_LANGUAGE.containsKey(language) ? language : "en";
    }

    private static Texts texts(String language) {
        return BY_LANGUAGE.get(languageFor(language));
    }
}
