package dev.tandem.egress;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedHosts host names or IP addresses the server may call even when they are private, loopback or
 *     link-local (for example {@code localhost} for an Ollama on the same machine, or the company system's internal
 *     host name)
 * @param allowPrivateNetworks whether private (10/8, 172.16/12, 192.168/16, fc00::/7) and loopback addresses are
 *     allowed for every host; link-local addresses (169.254/16, including cloud metadata services, and fe80::/10)
 *     stay refused unless their host is listed in {@code allowedHosts}
 */
@ConfigurationProperties("tandem.egress")
record EgressProperties(@DefaultValue List<String> allowedHosts, @DefaultValue("false") boolean allowPrivateNetworks) {

    EgressProperties {
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
            .filter(h -> !h.isEmpty()).toList();
    }
}
