package dev.tandem.answering;

import java.util.Map;

/**
 * Everything the assistant says in its own words, per language. The answers themselves are the
 * knowledge base's words; these only frame them, so that nothing here can be a wrong claim.
 *
 * @param answerIntro introduces an answer; {@code %s} is the article's title
 * @param followUp after an answer: how to get more help (the widget asks "Did this answer your question?" with buttons)
 * @param dontKnow when the knowledge does not answer the question
 * @param notInLanguage when there is no knowledge in the customer's language
 * @param clarify one question when two topics fit; {@code %s} and {@code %s} are their titles
 * @param late replaces a reply that could not come in time (the assistant is overloaded), with the offer of a person
 * @param language the language's name in itself, for {@link #notInLanguage}
 */
record Phrases(String answerIntro, String followUp, String dontKnow, String notInLanguage,
        String clarify, String late, String language) {

    static final String DEFAULT_LANGUAGE = "en";

    private static final Map<String, Phrases> BY_LANGUAGE = Map.of(
            "en", new Phrases(
                    "Here is what our help article “%s” says:",
                    "If this doesn't answer your question, just ask for a person.",
                    "I'm sorry, I don't know the answer to that, and I'd rather not guess. "
                            + "Would you like to talk to a person? Just say yes, and someone from our team will help you.",
                    "I'm sorry, I can't answer that in English yet. Would you like to talk to a person?",
                    "I want to make sure I get this right: is your question about “%s” or about “%s”?",
                    "Sorry, I'm taking longer than usual to answer. Would you like to talk to a person? Just say yes, or ask your question again in a moment.",
                    "English"),
            "es", new Phrases(
                    "Esto es lo que dice nuestro artículo de ayuda «%s»:",
                    "Si esto no responde a tu pregunta, pide hablar con una persona.",
                    "Lo siento, no sé la respuesta y prefiero no adivinar. "
                            + "¿Quieres hablar con una persona? Solo dime que sí y alguien de nuestro equipo te ayudará.",
                    "Lo siento, todavía no puedo responder a esto en español. ¿Quieres hablar con una persona?",
                    "Quiero asegurarme de entenderte bien: ¿tu pregunta es sobre «%s» o sobre «%s»?",
                    "Lo siento, estoy tardando más de lo normal en responder. ¿Quieres hablar con una persona? Solo dime que sí, o vuelve a preguntar en un momento.",
                    "español"),
            "fr", new Phrases(
                    "Voici ce que dit notre article d'aide « %s » :",
                    "Si cela ne répond pas à votre question, demandez à parler à une personne.",
                    "Je suis désolé, je ne connais pas la réponse et je préfère ne pas deviner. "
                            + "Voulez-vous parler à une personne ? Répondez simplement oui, et quelqu'un de notre équipe vous aidera.",
                    "Je suis désolé, je ne peux pas encore répondre à cela en français. Voulez-vous parler à une personne ?",
                    "Je veux être sûr de bien comprendre : votre question porte-t-elle sur « %s » ou sur « %s » ?",
                    "Désolé, je mets plus de temps que d'habitude à répondre. Voulez-vous parler à une personne ? Répondez simplement oui, ou reposez votre question dans un instant.",
                    "français"),
            "de", new Phrases(
                    "Das steht in unserem Hilfeartikel „%s“:",
                    "Falls das Ihre Frage nicht beantwortet, fragen Sie einfach nach einem Menschen.",
                    "Das weiß ich leider nicht, und ich möchte nicht raten. "
                            + "Möchten Sie mit einem Menschen sprechen? Antworten Sie einfach mit Ja, und jemand aus unserem Team hilft Ihnen.",
                    "Das kann ich leider noch nicht auf Deutsch beantworten. Möchten Sie mit einem Menschen sprechen?",
                    "Damit ich Sie richtig verstehe: Geht es um „%s“ oder um „%s“?",
                    "Entschuldigung, meine Antwort dauert gerade länger als sonst. Möchten Sie mit einem Menschen sprechen? Antworten Sie einfach mit Ja, oder stellen Sie Ihre Frage gleich noch einmal.",
                    "Deutsch"),
            "pt", new Phrases(
                    "Eis o que diz o nosso artigo de ajuda «%s»:",
                    "Se isto não responde à sua pergunta, peça para falar com uma pessoa.",
                    "Lamento, não sei a resposta e prefiro não adivinhar. "
                            + "Quer falar com uma pessoa? Basta dizer que sim e alguém da nossa equipa irá ajudá-lo.",
                    "Lamento, ainda não consigo responder a isto em português. Quer falar com uma pessoa?",
                    "Quero ter a certeza de que percebi: a sua pergunta é sobre «%s» ou sobre «%s»?",
                    "Desculpe, estou a demorar mais do que o habitual a responder. Quer falar com uma pessoa? Basta dizer que sim, ou volte a perguntar daqui a um momento.",
                    "português"),
            "it", new Phrases(
                    "Ecco cosa dice il nostro articolo di assistenza «%s»:",
                    "Se questo non risponde alla tua domanda, chiedi di parlare con una persona.",
                    "Mi dispiace, non conosco la risposta e preferisco non tirare a indovinare. "
                            + "Vuoi parlare con una persona? Rispondi pure di sì e qualcuno del nostro team ti aiuterà.",
                    "Mi dispiace, non posso ancora rispondere a questo in italiano. Vuoi parlare con una persona?",
                    "Voglio essere sicuro di aver capito: la tua domanda riguarda «%s» o «%s»?",
                    "Scusa, sto impiegando più del solito a rispondere. Vuoi parlare con una persona? Rispondi pure di sì, oppure rifai la domanda tra un momento.",
                    "italiano"),
            "nl", new Phrases(
                    "Dit staat in ons helpartikel ‘%s’:",
                    "Beantwoordt dit je vraag niet? Vraag dan gerust om een medewerker.",
                    "Het spijt me, ik weet het antwoord niet en ik gok liever niet. "
                            + "Wil je met een medewerker praten? Zeg gewoon ja, dan helpt iemand van ons team je.",
                    "Het spijt me, ik kan dit nog niet in het Nederlands beantwoorden. Wil je met een medewerker praten?",
                    "Ik wil zeker weten dat ik je goed begrijp: gaat je vraag over ‘%s’ of over ‘%s’?",
                    "Sorry, mijn antwoord duurt langer dan normaal. Wil je met een medewerker praten? Zeg gewoon ja, of stel je vraag zo nog eens.",
                    "Nederlands"));

    /** The phrases of a language, English for one the assistant does not speak. */
    static Phrases in(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(DEFAULT_LANGUAGE));
    }

    static boolean speaks(String language) {
        return BY_LANGUAGE.containsKey(language);
    }
}
