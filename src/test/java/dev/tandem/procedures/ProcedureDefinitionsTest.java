package dev.tandem.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The demo procedures load, and the pieces a procedure is written with behave as the README says. */
class ProcedureDefinitionsTest {

    private final Conditions conditions = new Conditions();

    @Test
    void theDemoProceduresLoad() throws Exception {
        assertThat(demoProcedures().stream().map(ProcedureDefinition::name).toList())
            .containsExactly("gift-card-balance", "order-status", "password-reset", "refund", "shipping-address");
    }

    @Test
    void aRequestInAnotherLanguageStartsTheProcedureItsEnglishWordsAskFor() throws Exception {
        var procedures = demoProcedures();
        var triggers = new Triggers(null); // the demo procedures start by phrases alone: no intent is classified
        assertThat(triggers.match(procedures, "Wo ist meine Bestellung NW-1004?", "de")).map(ProcedureDefinition::name)
            .contains("order-status");
        assertThat(triggers.match(procedures, "onde está o meu pedido NW-1004?", "pt")).map(ProcedureDefinition::name)
            .contains("order-status");
        assertThat(triggers.match(procedures, "olvidé mi contraseña, me envías un enlace para restablecerla?", "es"))
            .map(ProcedureDefinition::name).contains("password-reset");
        assertThat(triggers.match(procedures, "vorrei un rimborso per l'ordine NW-2001", "it")).map(ProcedureDefinition::name)
            .contains("refund");
        assertThat(triggers.match(procedures, "comment suivre ma commande ?", "fr")).as("asks how: the article answers it")
            .isEmpty();
        assertThat(triggers.match(procedures, "Wie lange dauert der Versand?", "de")).isEmpty();
        assertThat(triggers.match(procedures, "quando recebo o reembolso?", "pt")).as("asks when").isEmpty();
        assertThat(triggers.match(procedures, "como rastreio meu pedido?", "pt")).as("asks how").isEmpty();
        assertThat(triggers.match(procedures, "j'ai oublié mon mot de passe, comment le réinitialiser", "fr"))
            .as("asks how").isEmpty();
        assertThat(triggers.match(procedures, "when will i get my money back after returning?")).as("asks when").isEmpty();
    }

    private List<ProcedureDefinition> demoProcedures() throws java.io.IOException {
        return java.util.Arrays.stream(new PathMatchingResourcePatternResolver().getResources(ProcedureCatalog.DEMO_LOCATION))
            .map(resource -> {
                try {
                    return ProcedureCatalog.read(resource, conditions);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })
            .sorted(java.util.Comparator.comparing(ProcedureDefinition::name))
            .toList();
    }

    @Test
    void aBrokenProcedureStopsTheStartWithItsReason() {
        var broken = new ByteArrayResource("""
                name: broken
                triggers: { phrases: [do it] }
                steps:
                  - ask: x
                    type: colour
                """.getBytes(), "broken.yml");
        assertThatThrownBy(() -> ProcedureCatalog.read(broken, conditions)).hasMessageContaining("unknown value type colour");
    }

    @Test
    void triggersNeedEveryWordOfAPhraseInOrder() {
        List<String> words = List.of("i", "forgot", "my", "password", "can", "you", "send", "me", "a", "reset", "link");
        assertThat(Triggers.holds(words, "send reset link")).isTrue();
        assertThat(Triggers.holds(words, "forgot password send")).isTrue();
        assertThat(Triggers.holds(words, "reset link send")).isFalse();
    }

    @Test
    void valuesAreReadFromAnswersAndFoundInMessagesOnlyWhenUnmistakable() {
        assertThat(ValueType.ORDER_NUMBER.answer("it's nw 1002")).contains("NW-1002");
        assertThat(ValueType.ORDER_NUMBER.answer("1002")).contains("NW-1002");
        assertThat(ValueType.ORDER_NUMBER.answer("the blue tent")).isEmpty();
        assertThat(ValueType.EMAIL.answer("Ada@Example.com")).contains("ada@example.com");
        assertThat(ValueType.AMOUNT.answer("$120")).contains(new BigDecimal("120.00"));
        assertThat(ValueType.AMOUNT.answer("5 dollars")).contains(new BigDecimal("5.00"));
        assertThat(ValueType.AMOUNT.answer("12,50")).contains(new BigDecimal("12.50"));
        assertThat(ValueType.AMOUNT.mention("refund order NW-1001")).as("an order number is no amount").isEmpty();
        assertThat(ValueType.AMOUNT.mention("refund $20 of NW-1001")).contains(new BigDecimal("20.00"));
        assertThat(ValueType.DATE.answer("14 March 2026")).contains("2026-03-14");
        assertThat(ValueType.DATE.answer("March 3rd, 2026")).contains("2026-03-03");
        assertThat(ValueType.DATE.answer("2026-02-30")).isEmpty();
        assertThat(ValueType.CODE.answer("my code is 123 456")).contains("123456");
        assertThat(ValueType.GIFT_CARD.answer("gc 4417 2291")).contains("GC-4417-2291");
        assertThat(ValueType.ADDRESS.answer("Paris")).isEmpty();
    }

    @Test
    void conditionsReadTheValuesAndNothingElse() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("amount", new BigDecimal("120.00"), "total", new BigDecimal("129.00"),
                "refunded", BigDecimal.ZERO, "status", "DELIVERED"));
        assertThat(conditions.holds("amount > 50", values)).isTrue();
        assertThat(conditions.holds("status != 'DELIVERED'", values)).isFalse();
        assertThat(conditions.evaluate("total - refunded", values)).isEqualTo(new BigDecimal("129.00"));
        assertThatThrownBy(() -> conditions.evaluate("T(java.lang.Runtime).getRuntime()", values)).isNotNull();
    }

    @Test
    void templatesFillValuesAndMoneyHasTwoDecimals() {
        Map<String, Object> values = Map.of("amount", new BigDecimal("120"), "order_number", "NW-1002", "email", "a b@x.org");
        assertThat(Templates.render("Refund $${amount} of ${order_number}", values)).isEqualTo("Refund $120.00 of NW-1002");
        assertThat(Templates.renderPath("/x?email=${email}", values)).isEqualTo("/x?email=a%20b%40x.org");
        assertThat(Templates.render(Map.<String, Object>of("amount", "${amount}"), values).get("amount")).isEqualTo(new BigDecimal("120"));
    }

    @Test
    void theAuditMaskKeepsEnoughToRecogniseAndNoMore() {
        assertThat(PiiMask.mask(Map.of("email", "ada@example.com", "new_address", "12 St James's Square", "card", "4111 1111 1111 1234")))
            .containsEntry("email", "a***@example.com").containsEntry("new_address", "***").containsEntry("card", "****1234");
    }
}
