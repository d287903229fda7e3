package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class EntityExtractionTest {

    private final EntityExtraction entities = new EntityExtraction();

    @Test
    void ordersEmailsAmountsAndPhones() {
        var found = entities.extract("Order NW-10482 cost $1,250.50, write to Ana.Perez@Example.com or call +1 (555) 010-2299");

        assertThat(found).extracting(Entity::type, Entity::value).containsExactly(
                tuple(EntityType.ORDER_NUMBER, "NW-10482"),
                tuple(EntityType.AMOUNT, "1250.50 USD"),
                tuple(EntityType.EMAIL, "ana.perez@example.com"),
                tuple(EntityType.PHONE, "+15550102299"));
        assertThat(found.get(1).amount()).contains(new BigDecimal("1250.50"));
    }

    @Test
    void orderNumbersInOtherLanguagesAndEuropeanAmounts() {
        assertThat(entities.extract("Mi pedido nº 48213 llegó roto")).extracting(Entity::value).containsExactly("48213");
        assertThat(entities.extract("Bestellnummer: 77120, 1.299,00 €")).extracting(Entity::value)
            .containsExactly("77120", "1299.00 EUR");
        assertThat(entities.extract("paguei 389 reais")).extracting(Entity::value).containsExactly("389 BRL");
    }

    @Test
    void anOrderNumberIsNotAPhoneNumberAndPlainNumbersAreNothing() {
        assertThat(entities.extract("order #1048213")).extracting(Entity::type).containsExactly(EntityType.ORDER_NUMBER);
        assertThat(entities.extract("I am 190 cm tall and wear size 44")).isEmpty();
        assertThat(entities.extract(null)).isEmpty();
    }
}
