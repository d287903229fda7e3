package dev.tandem.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Personal data is found in the ways people type it, and nothing else is. */
class PersonalDataTest {

    private final PersonalData detector = PersonalData.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            EMAIL   | Please write to anna.o'brien+orders@mail.example.co.uk today
            PHONE   | call me on +44 20 7946 0958 after five
            PHONE   | my number is (415) 555-0134
            PHONE   | Handy: +49 30 901820 bitte
            PHONE   | appelez le 06 12 34 56 78 svp
            CARD    | card 4111 1111 1111 1111 was charged twice
            CARD    | card 4111-1111-1111-1111 was charged twice
            CARD    | amex 3782 822463 10005 please
            CARD    | charge 5555555555554444 instead
            IBAN    | refund to DE89 3704 0044 0532 0130 00 please
            IBAN    | IBAN GB29NWBK60161331926819.
            SSN     | my SSN is 123-45-6789
            SSN     | social security number 123456789
            NINO    | NI number AB 12 34 56 C
            IP_ADDRESS | blocked from 203.0.113.42 again
            IP_ADDRESS | from 2001:db8::8a2e:370:7334 too
            DATE_OF_BIRTH | I was born on 14 March 1987
            DATE_OF_BIRTH | DOB: 1987-03-14
            STREET_ADDRESS | ship it to 221B Baker Street, London NW1 6XE
            STREET_ADDRESS | meine Adresse ist Hauptstraße 5
            PERSON_NAME | Hi, my name is Maria García and I need help
            """)
    void findsPersonalData(PiiType type, String text) {
        assertThat(detector.find(text)).extracting(PiiSpan::type).contains(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Where is my order NW-10482? It was due on 2026-11-03.
            I paid $129.99 for 2 jackets on 12/11/2026
            Tracking number 1Z999AA10123456784 shows no movement
            Version 2.4.1 of the app crashes at 10:30:00
            4111 1111 1111 1112 is not a card number (Luhn)
            DE89 3704 0044 0532 0130 01 is not an IBAN (mod 97)
            I'm sorry to bother you again
            """)
    void leavesOrdinaryTextAlone(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void masksWholeSpansAndOnlyTheTypesAsked() {
        String text = "Card 4111 1111 1111 1111, mail anna@example.org, IBAN DE89 3704 0044 0532 0130 00";

        assertThat(detector.mask(text)).isEqualTo("Card [CARD], mail [EMAIL], IBAN [IBAN]");
        assertThat(detector.mask(text, EnumSet.of(PiiType.CARD))).isEqualTo(
                "Card [CARD], mail anna@example.org, IBAN DE89 3704 0044 0532 0130 00");
    }

    @Test
    void aRunOnAddressKeepsItsOwnPartBesideASurerFinding() {
        assertThat(PersonalData.masked("deliver to 68 rue de la Paix born February 9, 1995"))
            .doesNotContain("68 rue").doesNotContain("1995");
    }

    @Test
    void datasetTypeNamesMapToOurs() {
        assertThat(PiiType.named("CREDIT_CARD")).contains(PiiType.CARD);
        assertThat(PiiType.named("email_address")).contains(PiiType.EMAIL);
        assertThat(PiiType.named("ip")).contains(PiiType.IP_ADDRESS);
        assertThat(PiiType.named("passport")).isEmpty();
    }
}
