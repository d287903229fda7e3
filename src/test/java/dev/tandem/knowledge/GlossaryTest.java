package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GlossaryTest {

    private final Glossary spanish = Glossary.of("es", List.of(
            "# a comment",
            "devolver|devolución\treturn refund",
            "tarjeta de regalo\tgift card",
            "tarjeta\tcard",
            "contraseña|clave\tpassword",
            "olvidé\tforgot",
            "cuánto tiempo|cuánto tarda\thow long",
            "no\tnot",
            "envío\tdelivery shipping"));

    @Test
    void wordsAreMatchedWhateverTheirInflectionAndAccents() {
        assertThat(spanish.intoEnglish("Olvidé mi contraseña", "es")).hasValue("forgot password");
        assertThat(spanish.intoEnglish("olvide mi contrasena", "es")).hasValue("forgot password");
        assertThat(spanish.intoEnglish("las devoluciones", "es")).hasValue("return refund");
    }

    @Test
    void longerPhrasesWinAndStopWordsBetweenTheirWordsDoNotMatter() {
        assertThat(spanish.intoEnglish("quiero una tarjeta de regalo", "es")).hasValue("quiero gift card");
        assertThat(spanish.intoEnglish("tarjeta regalo", "es")).hasValue("gift card");
        assertThat(spanish.intoEnglish("mi tarjeta", "es")).hasValue("card");
        assertThat(spanish.intoEnglish("¿Cuánto tiempo tarda el envío a Canadá?", "es"))
            .hasValue("how long tarda delivery shipping canada");
    }

    @Test
    void stopWordsListedInTheGlossaryAreKeptAndOthersDropped() {
        assertThat(spanish.intoEnglish("no me llegó el paquete", "es")).hasValue("not llego paquete");
    }

    @Test
    void aLanguageWithoutGlossaryIsNotCarried() {
        assertThat(spanish.carriesIntoEnglish("es")).isTrue();
        assertThat(spanish.carriesIntoEnglish("nl")).isFalse();
        assertThat(spanish.intoEnglish("waar is mijn pakket", "nl")).isEmpty();
    }

    @Test
    void germanTypedWithoutUmlautsReadsAsWithThem() {
        Glossary german = Glossary.of("de", List.of("zurückschicken|Rücksendung\treturn", "Passwort\tpassword"));
        assertThat(german.intoEnglish("Wie kann ich das zurueckschicken?", "de")).hasValue("return");
        assertThat(german.intoEnglish("Rucksendung", "de")).hasValue("return");
        assertThat(german.intoEnglish("Passwörter", "de")).hasValue("password");
    }
}
