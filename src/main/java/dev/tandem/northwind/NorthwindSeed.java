package dev.tandem.northwind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: Northwind's customers. Ada Lovelace has what every demo procedure needs: a delivered order
 * under $50 and one over $50 (refunds within and above the automatic limit), one still being packed (its
 * address can change) and a gift card.
 */
@Component
@ConditionalOnProperty(name = "tandem.northwind.enabled", havingValue = "true", matchIfMissing = true)
class NorthwindSeed implements ApplicationRunner {

    private final NorthwindStore store;
    private final Clock clock;

    NorthwindSeed(NorthwindStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (store.seeded()) {
            return;
        }
        Instant now = clock.instant();
        String ada = "ada@example.com";
        store.addCustomer(ada, "Ada Lovelace");
        store.addCustomer("grace@example.com", "Grace Hopper");
        String address = "12 St James's Square, London SW1Y 4JH, United Kingdom";
        store.addOrder(order("NW-1001", ada, "34.50", "DELIVERED", "UPS", "1Z999AA10123456784", address, now, 20), now);
        store.addOrder(order("NW-1002", ada, "129.00", "DELIVERED", "DHL", "JD014600006281230011", address, now, 12), now);
        store.addOrder(order("NW-1003", ada, "64.90", "PROCESSING", null, null, address, now, 1), now);
        store.addOrder(order("NW-1004", ada, "89.00", "SHIPPED", "UPS", "1Z999AA10123456785", address, now, 3), now);
        store.addOrder(order("NW-1005", ada, "249.00", "DELIVERED", "DHL", "JD014600006281230042", address, now, 6), now);
        store.addOrder(order("NW-2001", "grace@example.com", "42.00", "DELIVERED", "USPS", "9400100000000000000000",
                "1 Navy Way, Arlington, VA 22202, USA", now, 9), now);
        store.addGiftCard(new NorthwindStore.GiftCard("GC-4417-2291", ada, new BigDecimal("25.00"), "USD"));
        store.addGiftCard(new NorthwindStore.GiftCard("GC-8830-1174", "grace@example.com", new BigDecimal("60.00"), "USD"));
    }

    private static NorthwindStore.Order order(String number, String email, String total, String status, String carrier,
            String tracking, String address, Instant now, int daysAgo) {
        return new NorthwindStore.Order(number, email, new BigDecimal(total), "USD", status, carrier, tracking, address,
                now.minus(Duration.ofDays(daysAgo)));
    }
}
