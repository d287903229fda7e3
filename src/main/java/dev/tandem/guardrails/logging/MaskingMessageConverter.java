package dev.tandem.guardrails.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tandem.guardrails.PersonalData;

/**
 * The log's safety net: every log line's message ({@code %m}, {@code %msg}, {@code %message} in
 * {@code logback-spring.xml}) with personal data masked, whatever a log statement put in it. Logback creates it
 * outside Spring, so it uses {@link PersonalData#standard()}, which needs nothing but the class path.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogMasking.mask(super.convert(event));
    }

    /** Shared by the converters: a line that cannot be masked is withheld, never written in the clear. */
    static final class LogMasking {

        private LogMasking() {
        }

        static String mask(String line) {
            if (line == null || line.isEmpty()) {
                return line;
            }
            try {
                return PersonalData.masked(line);
            } catch (RuntimeException | StackOverflowError e) {
                return "[log text withheld: personal-data masking failed (" + e.getClass().getSimpleName() + ")]";
            }
        }
    }
}
