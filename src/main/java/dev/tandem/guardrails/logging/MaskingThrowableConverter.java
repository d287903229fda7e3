package dev.tandem.guardrails.logging;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import ch.qos.logback.classic.spi.IThrowableProxy;

/** Stack traces ({@code %wEx}) with personal data masked: an exception's message may quote what it failed on. */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return MaskingMessageConverter.LogMasking.mask(super.throwableProxyToString(tp));
    }
}
