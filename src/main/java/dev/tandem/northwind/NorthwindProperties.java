package dev.tandem.northwind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled serve the demo back end (on with the demo workspace)
 * @param apiKey the key callers send in {@code X-Api-Key}; the demo's procedures send it. Change it
 *     (TANDEM_NORTHWIND_API_KEY) on any instance reachable from outside, or turn the back end off
 * @param shopUrl where the reset links in its emails point
 */
@ConfigurationProperties("tandem.northwind")
record NorthwindProperties(@DefaultValue("true") boolean enabled, @DefaultValue("northwind-demo-key") String apiKey,
        @DefaultValue("https://northwind.example") String shopUrl) {
}
