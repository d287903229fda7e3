package dev.tandem.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.Customer;
import dev.tandem.conversation.Message;
import dev.tandem.escalation.HandoffPacket;
import dev.tandem.escalation.Priority;
import dev.tandem.understanding.EntityExtraction;

/**
 * Summaries of conversations in Spanish, French, German, Portuguese and Italian: the dates and products the
 * customer names, and what the agent reports done or promises, are found in the customer's language and
 * quoted as written; the summary's own phrases stay English, as the workspace the agents read it in.
 */
class SummaryLanguagesTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final ExtractiveSummaries summaries = new ExtractiveSummaries(new EntityExtraction(),
            new InsightProperties(new InsightProperties.Summaries(true, false, 8, 240),
                    new InsightProperties.Outcomes(true, java.time.Duration.ofHours(24), java.time.Duration.ofMinutes(1)),
                    new InsightProperties.Csat(true, "http://localhost:8080", java.time.Duration.ofDays(14), "", 1000)));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            es | Compré mis botas de montaña Ridgeline el 3 de marzo de 2026 y llegaron rotas hace dos semanas. | 3 de marzo de 2026 | hace dos semanas | botas de montaña Ridgeline
            fr | J'ai reçu mes chaussures de randonnée Ridgeline vendredi, commandées le 3 mars 2026.             | vendredi           | 3 mars 2026      | chaussures de randonnée Ridgeline
            de | Meine Ridgeline Wanderschuhe kamen am 3. März 2026 kaputt an, vor zwei Wochen bestellt.       | 3. März 2026       | vor zwei Wochen  | Ridgeline Wanderschuhe
            pt | Comprei minhas botas de caminhada Ridgeline na sexta-feira, chegaram há duas semanas.          | sexta-feira        | há duas semanas  | botas de caminhada Ridgeline
            it | Ho ordinato i miei scarponi da trekking Ridgeline il 3 marzo 2026, arrivati due settimane fa.   | 3 marzo 2026       | due settimane fa | scarponi da trekking Ridgeline
            """)
    void datesAndProductsAreFoundInTheCustomersLanguage(String language, String said, String date, String otherDate,
            String product) {
        var details = summaries.summarise(source(language, customer(said))).details();

        assertThat(details).extracting(d -> d.type() + " " + d.value())
            .contains("DATE " + date, "DATE " + otherDate, "PRODUCT " + product);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            es | He reembolsado el pedido NW-10482.          | Recibirá el dinero en cinco días hábiles.
            fr | J'ai remboursé la commande NW-10482.        | Vous recevrez l'argent sous cinq jours.
            de | Ich habe die Bestellung NW-10482 erstattet. | Sie erhalten das Geld in fünf Werktagen.
            pt | Reembolsei o pedido NW-10482.               | Você receberá o dinheiro em cinco dias.
            it | Ho rimborsato l'ordine NW-10482.            | Riceverà il denaro entro cinque giorni.
            """)
    void whatTheAgentDidAndPromisedIsFoundInTheirLanguage(String language, String done, String promise) {
        var content = summaries.summarise(source(language, customer("NW-10482"), agent(done + " " + promise)));

        assertThat(content.actions()).contains("Marta Ruiz: " + done);
        assertThat(content.followUps()).contains("Marta Ruiz: " + promise);
        // the summary's own words stay English, like the workspace around it
        assertThat(content.actions()).contains("Handed to a person: The customer asked to talk to a person.");
        assertThat(content.outcome().note()).isEqualTo("Handed to a person, waiting for them.");
    }

    @Test
    void withoutTheHandoffsLanguageTheCustomersMessagesSayIt() {
        var content = summaries.summarise(source(null, customer("Pedí la chaqueta Summit el 3 de marzo.", "es")));

        assertThat(content.details()).extracting(d -> d.type() + " " + d.value())
            .contains("DATE 3 de marzo", "PRODUCT chaqueta Summit");
    }

    @Test
    void nothingIsFoundThatTheCustomerDidNotWrite() {
        var content = summaries.summarise(source("es",
                customer("Hola, quiero saber dónde está mi pedido para Juan, lo pedí la semana pasada.")));

        assertThat(content.details()).extracting(Summary.Detail::type).doesNotContain("PRODUCT", "DATE");
    }

    private static Message customer(String text) {
        return customer(text, null);
    }

    private static Message customer(String text, String language) {
        return new Message(UUID.randomUUID(), null, AuthorType.CUSTOMER, null, null, text, false, null, AT, List.of(),
                null, language);
    }

    private static Message agent(String text) {
        return new Message(UUID.randomUUID(), null, AuthorType.AGENT, UUID.randomUUID(), "Marta Ruiz", text, false, null,
                AT.plusSeconds(120), List.of(), null, null);
    }

    private static SummarySource source(String language, Message... messages) {
        UUID id = UUID.randomUUID();
        var customer = new Customer(UUID.randomUUID(), "Lucía Gómez", "lucia@example.com", null, AT);
        var conversation = new ConversationSummary(id, ConversationStatus.ASSIGNED, "widget", UUID.randomUUID(), null,
                customer, null, null, AT, AT, AT, null, AT.plusSeconds(60), 1);
        var packet = new HandoffPacket(id, ConversationStatus.ASSIGNED, AT.plusSeconds(60), Priority.NORMAL,
                "The customer asked to talk to a person.", List.of(), new HandoffPacket.Customer("Lucía Gómez",
                        "lucia@example.com"), 1, "", List.of(), List.of(),
                new HandoffPacket.SentimentTrajectory(List.of(0.1), "calm", List.of()), language, null, List.of(), null);
        return new SummarySource(new ConversationDetails(conversation, List.of(messages)), packet, Map.of(),
                Summary.Trigger.HANDOFF, null);
    }
}
