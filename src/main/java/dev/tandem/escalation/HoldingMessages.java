package dev.tandem.escalation;

import java.util.Map;

/**
 * What the customer reads while a person takes over, in their language. Vulnerable customers get a
 * careful message; a customer in crisis is also pointed to emergency help at once, because a queue,
 * however short, is not where that help comes from.
 */
final class HoldingMessages {

    enum Kind {
        /** The customer asked for a person. */
        ASKED,
        /** The policy handed over (frustration, stakes, unanswered questions). */
        STANDARD,
        CAREFUL,
        CRISIS;

        static Kind of(Assessment assessment, String ruleHoldingMessage) {
            if ("crisis".equals(ruleHoldingMessage)) {
                return CRISIS;
            }
            if ("careful".equals(ruleHoldingMessage)) {
                return CAREFUL;
            }
            return assessment.has(EscalationReason.PERSON_REQUEST) ? ASKED : STANDARD;
        }
    }

    private record Texts(String asked, String standard, String careful, String crisis) {
    }

    private static final Map<String, Texts> BY_LANGUAGE = Map.of(
            "en", new Texts(
                    "Of course. I'm bringing in a member of our team; they will see our whole conversation, so you won't need to repeat anything.",
                    "I'm bringing in a member of our team to help you with this. They will see our whole conversation, so you won't need to repeat anything.",
                    "I'm so sorry. I'm bringing in a member of our team right away to look after this personally. They will see our conversation, so there is no need to repeat anything.",
                    "I'm really sorry you're going through this. I'm bringing in a person from our team right now. If you are in danger or thinking about harming yourself, please call your local emergency number or a crisis line straight away. You don't have to face this alone."),
            "es", new Texts(
                    "Por supuesto. Te paso con una persona de nuestro equipo; verá toda nuestra conversación, así que no tendrás que repetir nada.",
                    "Te paso con una persona de nuestro equipo para que te ayude con esto. Verá toda nuestra conversación, así que no tendrás que repetir nada.",
                    "Lo siento mucho. Te paso ahora mismo con una persona de nuestro equipo que se ocupará de esto personalmente. Verá nuestra conversación, así que no hace falta repetir nada.",
                    "Siento mucho que estés pasando por esto. Ahora mismo te paso con una persona de nuestro equipo. Si estás en peligro o piensas en hacerte daño, llama ya al número de emergencias de tu país o a una línea de ayuda en crisis. No tienes que afrontarlo solo."),
            "fr", new Texts(
                    "Bien sûr. Je fais appel à un membre de notre équipe ; il verra toute notre conversation, vous n'aurez rien à répéter.",
                    "Je fais appel à un membre de notre équipe pour vous aider. Il verra toute notre conversation, vous n'aurez rien à répéter.",
                    "Je suis vraiment désolé. Je fais appel tout de suite à un membre de notre équipe qui s'en occupera personnellement. Il verra notre conversation, inutile de répéter quoi que ce soit.",
                    "Je suis vraiment désolé que vous traversiez cela. Je fais appel à une personne de notre équipe dès maintenant. Si vous êtes en danger ou pensez à vous faire du mal, appelez tout de suite le numéro d'urgence de votre pays ou une ligne d'écoute. Vous n'êtes pas seul."),
            "de", new Texts(
                    "Natürlich. Ich hole eine Person aus unserem Team dazu; sie sieht unser ganzes Gespräch, Sie müssen nichts wiederholen.",
                    "Ich hole eine Person aus unserem Team dazu, die Ihnen dabei hilft. Sie sieht unser ganzes Gespräch, Sie müssen nichts wiederholen.",
                    "Das tut mir sehr leid. Ich hole sofort eine Person aus unserem Team dazu, die sich persönlich darum kümmert. Sie sieht unser Gespräch, Sie müssen nichts wiederholen.",
                    "Es tut mir sehr leid, dass Sie das durchmachen. Ich hole jetzt sofort eine Person aus unserem Team dazu. Wenn Sie in Gefahr sind oder daran denken, sich etwas anzutun, rufen Sie bitte sofort den Notruf oder die Telefonseelsorge an. Sie sind damit nicht allein."),
            "pt", new Texts(
                    "Claro. Vou chamar uma pessoa da nossa equipe; ela verá toda a nossa conversa, então você não precisará repetir nada.",
                    "Vou chamar uma pessoa da nossa equipe para ajudar você com isso. Ela verá toda a nossa conversa, então você não precisará repetir nada.",
                    "Sinto muito. Vou chamar agora mesmo uma pessoa da nossa equipe para cuidar disso pessoalmente. Ela verá a nossa conversa, não é preciso repetir nada.",
                    "Sinto muito que você esteja passando por isso. Vou chamar uma pessoa da nossa equipe agora mesmo. Se você estiver em perigo ou pensando em se machucar, ligue já para o número de emergência do seu país ou para uma linha de apoio emocional. Você não precisa enfrentar isso sozinho."),
            "it", new Texts(
                    "Certo. Chiamo una persona del nostro team; vedrà tutta la nostra conversazione, quindi non dovrà ripetere nulla.",
                    "Chiamo una persona del nostro team per aiutarla con questo. Vedrà tutta la nostra conversazione, quindi non dovrà ripetere nulla.",
                    "Mi dispiace molto. Chiamo subito una persona del nostro team che se ne occuperà personalmente. Vedrà la nostra conversazione, non serve ripetere nulla.",
                    "Mi dispiace davvero che stia attraversando questo momento. Chiamo subito una persona del nostro team. Se è in pericolo o pensa di farsi del male, chiami subito il numero di emergenza o una linea di ascolto. Non deve affrontarlo da solo."),
            "nl", new Texts(
                    "Natuurlijk. Ik haal iemand van ons team erbij; die ziet ons hele gesprek, dus u hoeft niets te herhalen.",
                    "Ik haal iemand van ons team erbij om u hiermee te helpen. Die ziet ons hele gesprek, dus u hoeft niets te herhalen.",
                    "Wat vervelend, het spijt me echt. Ik haal meteen iemand van ons team erbij die dit persoonlijk oppakt. Die ziet ons gesprek, u hoeft niets te herhalen.",
                    "Het spijt me echt dat u dit doormaakt. Ik haal nu meteen iemand van ons team erbij. Bent u in gevaar of denkt u eraan uzelf iets aan te doen, bel dan meteen het alarmnummer of een hulplijn voor mensen in crisis. U staat er niet alleen voor."));

    private HoldingMessages() {
    }

    static String of(Kind kind, String language) {
        Texts texts = BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
        return switch (kind) {
            case ASKED -> texts.asked();
            case STANDARD -> texts.standard();
            case CAREFUL -> texts.careful();
            case CRISIS -> texts.crisis();
        };
    }
}
