package dev.tandem.northwind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

import dev.tandem.mail.Outbox;
import tools.jackson.databind.json.JsonMapper;

/**
 * Northwind's order system API. Every call needs the key in {@code X-Api-Key}. Calls that change
 * something take an {@code Idempotency-Key}: the first call with a key does the work and its answer is
 * stored; any later call with the same key gets that answer and changes nothing, so a client that
 * timed out may safely try again. Not part of Tandem's own API (hidden from its API document).
 */
@Hidden
@RestController
@RequestMapping("/northwind/api")
@ConditionalOnProperty(name = "tandem.northwind.enabled", havingValue = "true", matchIfMissing = true)
class NorthwindApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration RESET_LINK_VALIDITY = Duration.ofMinutes(60);

    record Verify(String orderNumber, String email) {
    }

    record RefundRequest(BigDecimal amount) {
    }

    record AddressChange(String address) {
    }

    record ResetRequest(String email) {
    }

    private final NorthwindStore store;
    private final NorthwindProperties properties;
    private final BackendFaults faults;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NorthwindApi(NorthwindStore store, NorthwindProperties properties, BackendFaults faults, Outbox outbox,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.faults = faults;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping("/orders/verify")
    ResponseEntity<String> verify(@RequestHeader(name = "X-Api-Key", required = false) String key, @RequestBody Verify body) {
        authorise(key);
        boolean verified = body.orderNumber() != null && body.email() != null && store.order(body.orderNumber().toUpperCase())
            .filter(order -> order.email().equalsIgnoreCase(body.email().strip()))
            .isPresent();
        return answer("verify", 200, Map.of("verified", verified));
    }

    @GetMapping("/orders/{number}")
    ResponseEntity<String> order(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable String number) {
        authorise(key);
        var order = store.order(number.toUpperCase()).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No order " + number + "."));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderNumber", order.number());
        json.put("email", order.email());
        json.put("status", order.status());
        json.put("total", order.total());
        json.put("currency", order.currency());
        json.put("refunded", store.refunded(order.number()));
        json.put("carrier", order.carrier());
        json.put("trackingNumber", order.trackingNumber());
        json.put("trackingUrl", order.trackingNumber() == null ? null
                : properties.shopUrl() + "/track/" + order.trackingNumber());
        json.put("shippingAddress", order.shippingAddress());
        json.put("placedAt", order.placedAt().toString());
        return answer("order", 200, json);
    }

    @GetMapping("/orders/{number}/refunds")
    ResponseEntity<String> refunds(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable String number) {
        authorise(key);
        return answer("refunds", 200, Map.of("orderNumber", number, "refunds", store.refunds(number.toUpperCase())));
    }

    @PostMapping("/orders/{number}/refunds")
    ResponseEntity<String> refund(@RequestHeader(name = "X-Api-Key", required = false) String key,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, @PathVariable String number,
            @RequestBody RefundRequest body) {
        authorise(key);
        return once(idempotencyKey, "refund", () -> {
            var order = store.order(number.toUpperCase()).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No order " + number + "."));
            if (body.amount() == null || body.amount().signum() <= 0) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "The amount must be positive.");
            }
            if (!order.status().equals("DELIVERED")) {
                throw problem(HttpStatus.CONFLICT, "Only delivered orders can be refunded; this one is " + order.status() + ".");
            }
            BigDecimal amount = body.amount().setScale(2, RoundingMode.HALF_UP);
            BigDecimal left = order.total().subtract(store.refunded(order.number()));
            if (amount.compareTo(left) > 0) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "At most " + left + " " + order.currency() + " can still be refunded.");
            }
            UUID id = UUID.randomUUID();
            store.addRefund(id, order.number(), amount, clock.instant());
            return new NorthwindStore.Stored(201, json(Map.of("refundId", id.toString(), "orderNumber", order.number(),
                    "amount", amount, "currency", order.currency())));
        });
    }

    @PutMapping("/orders/{number}/shipping-address")
    ResponseEntity<String> changeAddress(@RequestHeader(name = "X-Api-Key", required = false) String key,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, @PathVariable String number,
            @RequestBody AddressChange body) {
        authorise(key);
        return once(idempotencyKey, "address", () -> {
            var order = store.order(number.toUpperCase()).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No order " + number + "."));
            if (body.address() == null || body.address().isBlank() || body.address().length() > 500) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "The address must be 1 to 500 characters.");
            }
            if (!store.changeAddress(order.number(), body.address().strip(), clock.instant())) {
                throw problem(HttpStatus.CONFLICT, "The order has left the warehouse; its address can no longer change.");
            }
            return new NorthwindStore.Stored(200, json(Map.of("orderNumber", order.number(), "shippingAddress", body.address().strip())));
        });
    }

    @GetMapping("/gift-cards/{number}")
    ResponseEntity<String> giftCard(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable String number,
            @RequestParam String email) {
        authorise(key);
        // a card is shown only to its owner: a wrong owner looks exactly like a wrong number
        var card = store.giftCard(number.toUpperCase()).filter(c -> c.ownerEmail().equalsIgnoreCase(email.strip()))
            .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No gift card " + number + " for this customer."));
        return answer("gift-card", 200, Map.of("cardNumber", card.number(), "balance", card.balance(), "currency", card.currency()));
    }

    /**
     * Sends a reset link when an account exists; answers the same either way, so the answer never tells
     * whether an email address has an account.
     */
    @PostMapping("/password-resets")
    ResponseEntity<String> passwordReset(@RequestHeader(name = "X-Api-Key", required = false) String key,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, @RequestBody ResetRequest body) {
        authorise(key);
        return once(idempotencyKey, "password-reset", () -> {
            if (body.email() == null || body.email().isBlank()) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "An email address is required.");
            }
            String email = body.email().strip();
            store.customerName(email).ifPresent(name -> {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                String token = HexFormat.of().formatHex(bytes);
                Instant now = clock.instant();
                store.addResetToken(sha256(token), email, now.plus(RESET_LINK_VALIDITY));
                outbox.send("northwind", email, "Reset your Northwind password", """
                        Hi %s,

                        Someone asked to reset the password of your Northwind Outfitters account. To choose a new one, open
                        %s/reset-password?token=%s
                        The link works once, for %d minutes. If it wasn't you, ignore this email: your password stays as it is.
                        """.formatted(name, properties.shopUrl(), token, RESET_LINK_VALIDITY.toMinutes()));
            });
            return new NorthwindStore.Stored(202, json(Map.of("accepted", true)));
        });
    }

    /**
     * Runs a change once per key: the answer is stored with the change in one transaction. Two calls with
     * one key at the same moment: the second's insert of the key fails, its transaction (and change) rolls
     * back, and it answers what the first stored.
     */
    private ResponseEntity<String> once(String idempotencyKey, String operation, Supplier<NorthwindStore.Stored> change) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw problem(HttpStatus.BAD_REQUEST, "Changes need an Idempotency-Key header (1 to 200 characters).");
        }
        NorthwindStore.Stored stored;
        try {
            stored = transactions.execute(tx -> store.answered(idempotencyKey, operation).orElseGet(() -> {
                NorthwindStore.Stored answer;
                try {
                    answer = change.get();
                } catch (ErrorResponseException refused) {
                    // a refusal is an answer too: the same key keeps getting it
                    answer = new NorthwindStore.Stored(refused.getStatusCode().value(), json(refused.getBody()));
                }
                store.remember(idempotencyKey, operation, answer, clock.instant());
                return answer;
            }));
        } catch (DuplicateKeyException concurrent) {
            stored = store.answered(idempotencyKey, operation)
                .orElseThrow(() -> problem(HttpStatus.CONFLICT, "The Idempotency-Key was used for another operation."));
        }
        pause(operation);
        return ResponseEntity.status(stored.status())
            .contentType(stored.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
            .body(stored.body());
    }

    private ResponseEntity<String> answer(String operation, int status, Object body) {
        pause(operation);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json(body));
    }

    /** An injected slowness comes after the work is done and committed: the answer is what is late. */
    private void pause(String operation) {
        Duration delay = faults.delayFor(operation);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void authorise(String key) {
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                properties.apiKey().getBytes(StandardCharsets.UTF_8))) {
            throw problem(HttpStatus.UNAUTHORIZED, "Send the back end's API key in the X-Api-Key header.");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
