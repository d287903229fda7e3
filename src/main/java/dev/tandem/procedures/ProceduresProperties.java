package dev.tandem.procedures;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled run procedures at all (the assistant answers from knowledge only when off)
 * @param locations where procedure definitions are read from (YAML files, one procedure each)
 * @param demoProcedures also load the demo's procedures for the Northwind back end (on with the demo)
 * @param idleTimeout a procedure the customer has not answered for this long ends; their next message starts afresh
 * @param maxAttempts invalid answers to one question before the assistant hands over
 * @param codeAttempts wrong verification codes before verification is locked and a person takes over
 * @param codeValidity how long an emailed verification code works
 * @param systems the company's systems the procedures call, by name
 */
@ConfigurationProperties("tandem.procedures")
record ProceduresProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("classpath*:procedures/*.yml") List<String> locations,
        @DefaultValue("true") boolean demoProcedures,
        @DefaultValue("PT30M") Duration idleTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("3") int codeAttempts,
        @DefaultValue("PT10M") Duration codeValidity,
        Map<String, SystemProperties> systems) {

    ProceduresProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    /**
     * One system the connector calls.
     *
     * @param baseUrl its URL; a path alone ({@code /northwind/api}) means this Tandem itself
     * @param headers sent with every call (an API key)
     * @param timeout one attempt's limit, connection and answer together
     * @param attempts tries per call, the first included; only failures that may pass (no answer, 5xx, 429) are retried
     * @param retryWait pause before the second try, doubled for each further one
     * @param breakerFailureRate share of failed calls (percent, over the last 10) that opens the circuit breaker
     * @param breakerOpenFor how long an open breaker fails calls at once before it lets one through again
     */
    record SystemProperties(String baseUrl, Map<String, String> headers, @DefaultValue("PT5S") Duration timeout,
            @DefaultValue("3") int attempts, @DefaultValue("PT0.2S") Duration retryWait,
            @DefaultValue("50") int breakerFailureRate, @DefaultValue("PT30S") Duration breakerOpenFor) {

        SystemProperties {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
