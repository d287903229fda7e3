package dev.tandem.northwind;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The back end's own tables. */
@Repository
class NorthwindStore {

    record Order(String number, String email, BigDecimal total, String currency, String status, String carrier,
            String trackingNumber, String shippingAddress, Instant placedAt) {
    }

    record GiftCard(String number, String ownerEmail, BigDecimal balance, String currency) {
    }

    record Stored(int status, String body) {
    }

    private final JdbcClient jdbc;

    NorthwindStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean seeded() {
        return jdbc.sql("select count(*) from nw_customer").query(Long.class).single() > 0;
    }

    void addCustomer(String email, String name) {
        jdbc.sql("insert into nw_customer (email, name) values (?, ?)").params(email, name).update();
    }

    void addOrder(Order order, Instant now) {
        jdbc.sql("""
                insert into nw_order (order_number, customer_email, total, currency, status, carrier, tracking_number,
                shipping_address, placed_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(order.number(), order.email(), order.total(), order.currency(), order.status(), order.carrier(),
                    order.trackingNumber(), order.shippingAddress(), Timestamp.from(order.placedAt()), Timestamp.from(now))
            .update();
    }

    void addGiftCard(GiftCard card) {
        jdbc.sql("insert into nw_gift_card (card_number, owner_email, balance, currency) values (?, ?, ?, ?)")
            .params(card.number(), card.ownerEmail(), card.balance(), card.currency())
            .update();
    }

    Optional<String> customerName(String email) {
        return jdbc.sql("select name from nw_customer where lower(email) = lower(?)").param(email).query(String.class).optional();
    }

    Optional<Order> order(String number) {
        return jdbc.sql("select * from nw_order where order_number = ?").param(number).query(NorthwindStore::order).optional();
    }

    Optional<GiftCard> giftCard(String number) {
        return jdbc.sql("select * from nw_gift_card where card_number = ?").param(number)
            .query((rs, row) -> new GiftCard(rs.getString("card_number"), rs.getString("owner_email"),
                    rs.getBigDecimal("balance"), rs.getString("currency")))
            .optional();
    }

    BigDecimal refunded(String orderNumber) {
        return jdbc.sql("select coalesce(sum(amount), 0) from nw_refund where order_number = ?").param(orderNumber)
            .query(BigDecimal.class).single();
    }

    List<BigDecimal> refunds(String orderNumber) {
        return jdbc.sql("select amount from nw_refund where order_number = ? order by created_at").param(orderNumber)
            .query(BigDecimal.class).list();
    }

    void addRefund(UUID id, String orderNumber, BigDecimal amount, Instant at) {
        jdbc.sql("insert into nw_refund (id, order_number, amount, created_at) values (?, ?, ?, ?)")
            .params(id, orderNumber, amount, Timestamp.from(at)).update();
    }

    /** Version-checked by status: an order dispatched meanwhile keeps its address. */
    boolean changeAddress(String orderNumber, String address, Instant at) {
        return jdbc.sql("update nw_order set shipping_address = ?, updated_at = ? where order_number = ? and status = 'PROCESSING'")
            .params(address, Timestamp.from(at), orderNumber).update() == 1;
    }

    void addResetToken(String tokenHash, String email, Instant expiresAt) {
        jdbc.sql("insert into nw_reset_token (token_hash, email, expires_at) values (?, ?, ?)")
            .params(tokenHash, email, Timestamp.from(expiresAt)).update();
    }

    Optional<Stored> answered(String key, String operation) {
        return jdbc.sql("select status_code, response from nw_idempotency where idempotency_key = ? and operation = ?")
            .params(key, operation)
            .query((rs, row) -> new Stored(rs.getInt("status_code"), rs.getString("response")))
            .optional();
    }

    void remember(String key, String operation, Stored answer, Instant at) {
        jdbc.sql("insert into nw_idempotency (idempotency_key, operation, status_code, response, created_at) values (?, ?, ?, ?, ?)")
            .params(key, operation, answer.status(), answer.body(), Timestamp.from(at)).update();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("order_number"), rs.getString("customer_email"), rs.getBigDecimal("total"),
                rs.getString("currency"), rs.getString("status"), rs.getString("carrier"), rs.getString("tracking_number"),
                rs.getString("shipping_address"), rs.getTimestamp("placed_at").toInstant());
    }
}
