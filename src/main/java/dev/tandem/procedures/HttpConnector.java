package dev.tandem.procedures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.tandem.egress.EgressPolicy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls the company's systems over HTTP with JSON. Each attempt has a time limit; an attempt that got no
 * answer, a 5xx or a 429 is tried again (Resilience4j retry, backing off) and counts against the system's
 * circuit breaker, which, once most recent calls failed, fails calls at once for a while instead of making
 * every customer wait for a system that is down. A call that changes something carries an
 * {@code Idempotency-Key}, the same on every attempt, so a retry after a lost answer cannot do it twice.
 */
@Component
class HttpConnector {

    private static final Logger log = LoggerFactory.getLogger(HttpConnector.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** One call, its templates already filled. */
    record Call(String system, String method, String path, Map<String, Object> body, String idempotencyKey) {
    }

    /** The system's answer: its status and JSON body (missing when it sent none). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** No usable answer: the system did not answer in time, is failing, or its breaker is open. */
    static final class Unavailable extends Exception {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Retryable extends RuntimeException {

        final transient Answer answer;

        Retryable(Answer answer) {
            super("answered " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }

    private final ProceduresProperties properties;
    private final HttpClient client;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private volatile String selfBaseUrl = "http://127.0.0.1:8080";

    private final EgressPolicy egress;

    HttpConnector(ProceduresProperties properties, EgressPolicy egress) {
        this.properties = properties;
        this.egress = egress;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A base URL that is only a path means this Tandem: called over HTTP on the port it listens on. */
    @EventListener
    void on(WebServerInitializedEvent started) {
        if (started.getApplicationContext().getServerNamespace() == null) {
            selfBaseUrl = "http://127.0.0.1:" + started.getWebServer().getPort();
        }
    }

    Answer call(Call call) throws Unavailable {
        ProceduresProperties.SystemProperties system = properties.systems().get(call.system());
        if (system == null) {
            throw new IllegalStateException("No system " + call.system() + " under tandem.procedures.systems");
        }
        if (!isSelf(system)) {
            try {
                // checked at every call: a host name that now resolves to an internal address is refused now
                egress.check(system.baseUrl(), "tandem.procedures.systems." + call.system() + ".base-url");
            }
            catch (EgressPolicy.Refused refused) {
                throw new Unavailable(refused.getMessage(), refused);
            }
        }
        HttpRequest request = request(call, system);
        CircuitBreaker breaker = breakers.computeIfAbsent(call.system(), name -> CircuitBreaker.of(name,
                CircuitBreakerConfig.custom()
                    .slidingWindowSize(10)
                    .minimumNumberOfCalls(5)
                    .failureRateThreshold(system.breakerFailureRate())
                    .waitDurationInOpenState(system.breakerOpenFor())
                    .build()));
        Retry retry = retries.computeIfAbsent(call.system(), name -> Retry.of(name, RetryConfig.custom()
            .maxAttempts(Math.max(1, system.attempts()))
            .intervalFunction(IntervalFunction.ofExponentialBackoff(system.retryWait(), 2.0))
            .retryExceptions(IOException.class, Retryable.class)
            .build()));
        try {
            return Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker, () -> send(request))).get();
        } catch (Retryable failing) {
            throw new Unavailable(call.system() + " answered " + failing.answer.status(), failing);
        } catch (CallNotPermittedException open) {
            throw new Unavailable(call.system() + " is failing; its circuit breaker is open", open);
        } catch (IOException e) {
            throw new Unavailable(call.system() + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new Unavailable(call.system() + " failed: " + e, e);
        }
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body() == null || response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
        Answer answer = new Answer(response.statusCode(), body);
        if (answer.status() >= 500 || answer.status() == 429) {
            throw new Retryable(answer);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            log.debug("A system answered something that is not JSON: {}", body.length() > 200 ? body.substring(0, 200) : body);
            return MissingNode.getInstance();
        }
    }

    /** A base URL that is only a path (or none) is this Tandem itself, never an outside address. */
    private static boolean isSelf(ProceduresProperties.SystemProperties system) {
        return system.baseUrl() == null || system.baseUrl().isBlank() || system.baseUrl().startsWith("/");
    }

    private HttpRequest request(Call call, ProceduresProperties.SystemProperties system) {
        String base = isSelf(system) ? selfBaseUrl + (system.baseUrl() == null ? "" : system.baseUrl()) : system.baseUrl();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(system.timeout())
            .header("Accept", "application/json");
        system.headers().forEach(builder::header);
        if (call.idempotencyKey() != null) {
            builder.header("Idempotency-Key", call.idempotencyKey());
        }
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(call.body()));
        if (call.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(call.method(), body).build();
    }
}
