package dev.tandem.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Service;

/**
 * Decides whether the server may call a URL: only http and https, and only hosts whose every address is public,
 * unless {@code tandem.egress.*} allows more. The host is resolved at each check, so a name that later resolves to
 * an internal address is refused then (the caller checks before each request where it builds the request itself).
 */
@Service
public class EgressPolicy {

    /** The server may not call this URL; the message names the setting that would allow it. */
    public static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final EgressProperties properties;

    EgressPolicy(EgressProperties properties) {
        this.properties = properties;
    }

    /** A policy from explicit settings (tools and tests). */
    public static EgressPolicy of(java.util.List<String> allowedHosts, boolean allowPrivateNetworks) {
        return new EgressPolicy(new EgressProperties(allowedHosts, allowPrivateNetworks));
    }

    /**
     * @param url the URL about to be called
     * @param setting where the URL came from, for the message ({@code tandem.ai.chat.base-url})
     * @throws Refused when it may not be called
     */
    public void check(String url, String setting) {
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException e) {
            throw new Refused(setting + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(setting + " must be an http or https URL, not '" + scheme + "'.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused(setting + " has no host.");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (properties.allowedHosts().contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        }
        catch (UnknownHostException e) {
            throw new Refused(setting + ": the host " + host + " is unknown.");
        }
        for (InetAddress address : addresses) {
            String kind = internal(address);
            if (kind != null && (kind.equals("link-local") || kind.equals("unspecified") || kind.equals("multicast")
                    || !properties.allowPrivateNetworks())) {
                throw new Refused(setting + " points at a " + kind + " address (" + host + "); the server calls only "
                        + "public addresses unless tandem.egress.allowed-hosts lists the host"
                        + (kind.equals("private") || kind.equals("loopback")
                                ? " or tandem.egress.allow-private-networks is true." : "."));
            }
        }
    }

    /** Whether the server may call the URL. */
    public boolean allows(String url) {
        try {
            check(url, "the URL");
            return true;
        }
        catch (Refused e) {
            return false;
        }
    }

    /** What kind of internal address this is, or null for a public one. */
    static String internal(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // unique local fc00::/7; an IPv4-mapped address is judged as its IPv4 address
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                }
                catch (UnknownHostException e) {
                    return "private";
                }
            }
            return null;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 100 && second >= 64 && second <= 127) {
            return "private"; // carrier-grade NAT, 100.64/10
        }
        if (first == 0) {
            return "unspecified";
        }
        return null;
    }
}
