package dev.tandem.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tandem.understanding.SentimentAnalysis;

/**
 * The embedded judge on small conversations in several languages, written for these tests (the labelled sets are
 * measured by {@code eval quality}): each rule in its own words, and every verdict quoting its message exactly.
 */
class EmbeddedJudgeTest {

    final EmbeddedJudge judge = new EmbeddedJudge(Cues.bundled(), new SentimentAnalysis());
    final Rubric rubric = Rubric.bundled();

    @Test
    void aGoodEnglishConversation() {
        Map<String, Verdict> v = judge(null,
                "c:The refund for order 5521 still hasn't arrived, this is so frustrating",
                "a:Hi, I'm Jo from Acme, thanks for reaching out. I understand how frustrating the wait is.",
                "a:I've checked order 5521 and issued the refund; you'll see it within 3 business days. Is there anything else I can help with?",
                "c:no thanks",
                "a:Thanks for contacting us, have a great day!");
        assertThat(values(v)).containsEntry("greeted", true).containsEntry("acknowledged_feelings", true)
            .containsEntry("took_ownership", true).containsEntry("clear_next_steps", true).containsEntry("professional_tone", true)
            .containsEntry("confirmed_resolution", true).containsEntry("personalised", true).containsEntry("closed_properly", true);
    }

    @Test
    void aPoorOneDeflectsIsRudeAndLetsTheCustomerSpeakLast() {
        Map<String, Verdict> v = judge(null,
                "c:my parcel is lost",
                "a:lol you should have read the FAQ. Please check our website for the claims form.",
                "a:Someone will be in touch.",
                "c:seriously?");
        assertThat(values(v)).containsEntry("greeted", false).containsEntry("took_ownership", false)
            .containsEntry("clear_next_steps", false).containsEntry("professional_tone", false)
            .containsEntry("confirmed_resolution", false).containsEntry("personalised", false)
            .containsEntry("closed_properly", false);
        assertThat(v.get("acknowledged_feelings").value()).as("\"seriously?\" went unacknowledged").isFalse();
    }

    @Test
    void otherLanguages() {
        Map<String, Verdict> es = judge(null, "c:Llevo una semana sin internet y estoy desesperada",
                "a:Hola Lucía, soy Andrés de Conecta, gracias por escribirnos. Entiendo lo frustrante que es.",
                "a:He reiniciado tu línea; volverá a funcionar en 2 horas. ¿Hay algo más en lo que pueda ayudarte?",
                "c:no, gracias", "a:¡Que tengas un buen día, Lucía!");
        Map<String, Verdict> de = judge(null, "c:Meine Karte ist gesperrt, ich brauche sie dringend!",
                "a:Guten Tag, mein Name ist Jonas, willkommen bei der Bank. Ich verstehe Ihren Ärger.",
                "a:Ich habe Ihre Karte entsperrt, die neue PIN erhalten Sie innerhalb von 2 Werktagen per Post. Kann ich sonst noch etwas für Sie tun?",
                "c:Nein danke", "a:Einen schönen Tag noch, Frau Weber!");
        Map<String, Verdict> fr = judge(null, "c:Ma valise est arrivée cassée, je suis vraiment énervé",
                "a:Bonjour, je suis Claire de SkyWay, merci de nous avoir écrit. Je comprends votre agacement.",
                "a:J'ouvre un dossier tout de suite, vous recevrez un e-mail sous 24 heures. Puis-je vous aider pour autre chose ?",
                "c:Non merci", "a:Bonne journée, Monsieur Lambert !");
        for (Map<String, Verdict> v : List.of(es, de, fr)) {
            assertThat(values(v)).containsEntry("greeted", true).containsEntry("acknowledged_feelings", true)
                .containsEntry("took_ownership", true).containsEntry("clear_next_steps", true)
                .containsEntry("confirmed_resolution", true).containsEntry("personalised", true)
                .containsEntry("closed_properly", true).containsEntry("professional_tone", true);
        }
    }

    @Test
    void everyVerdictQuotesItsMessageExactlyEvenThroughFoldedAccents() {
        Transcript transcript = transcript(null, "c:Estoy muy preocupada por el pedido",
                "a:¡Hola! Soy Álex, bienvenida. Lamento mucho que estés preocupada.");
        for (Verdict verdict : judge.judge(transcript, rubric, ClaimChecks.NONE, "es")) {
            if (verdict.value() != null) {
                String text = transcript.line(verdict.messageId()).orElseThrow().text();
                assertThat(text).as(verdict.item()).contains(verdict.quote());
            }
        }
    }

    @Test
    void anAiOnlyConversationIsNotJudgedOnTheAgentsItems() {
        Map<String, Verdict> v = judge(null, "c:hi", "i:Hello! How can I help?");
        assertThat(v.get("greeted").value()).isNull();
        assertThat(v.get("closed_properly").value()).isNull();
    }

    private Map<String, Verdict> judge(String customerName, String... lines) {
        return judge.judge(transcript(customerName, lines), rubric, ClaimChecks.NONE, "en").stream()
            .collect(Collectors.toMap(Verdict::item, Function.identity()));
    }

    private static Map<String, Boolean> values(Map<String, Verdict> verdicts) {
        Map<String, Boolean> values = new java.util.HashMap<>();
        verdicts.forEach((item, v) -> values.put(item, v.value()));
        return values;
    }

    static Transcript transcript(String customerName, String... lines) {
        List<Transcript.Line> parsed = new ArrayList<>();
        for (String line : lines) {
            Transcript.Author author = switch (line.charAt(0)) {
                case 'c' -> Transcript.Author.CUSTOMER;
                case 'i' -> Transcript.Author.AI;
                default -> Transcript.Author.AGENT;
            };
            parsed.add(new Transcript.Line("m" + parsed.size(), author, line.substring(2)));
        }
        return new Transcript(parsed, customerName);
    }
}
