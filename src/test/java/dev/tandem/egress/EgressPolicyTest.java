package dev.tandem.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The server calls public addresses only, unless the configuration allows a host or private networks. */
class EgressPolicyTest {

    private final EgressPolicy strict = EgressPolicy.of(List.of(), false);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:11434/v1", "http://localhost/v1", "http://[::1]/", "http://10.1.2.3/",
            "http://172.20.0.5/api", "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/", "http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.0.1/",
            "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f.0.0.1/" })
    void internalAddressesAreRefused(String url) {
        assertThat(strict.allows(url)).as(url).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "file:///etc/passwd", "gopher://example.com/", "ftp://example.com/", "jar:file:/x!/y",
            "not a url", "http:///nohost" })
    void onlyHttpAndHttpsUrlsWithAHost(String url) {
        assertThat(strict.allows(url)).as(url).isFalse();
    }

    @Test
    void aPublicAddressIsAllowed() {
        assertThat(strict.allows("https://93.184.216.34/v1")).isTrue();
        assertThat(strict.allows("https://[2606:4700:4700::1111]/v1")).isTrue();
    }

    @Test
    void aListedHostIsAllowedWhateverItsAddress() {
        var policy = EgressPolicy.of(List.of("localhost", "169.254.169.254"), false);
        assertThat(policy.allows("http://localhost:11434/v1")).isTrue();
        assertThat(policy.allows("http://LOCALHOST:11434/v1")).isTrue();
        assertThat(policy.allows("http://169.254.169.254/")).isTrue();
        assertThat(policy.allows("http://127.0.0.1/")).isFalse();
    }

    @Test
    void privateNetworksCanBeAllowedButLinkLocalStaysRefused() {
        var policy = EgressPolicy.of(List.of(), true);
        assertThat(policy.allows("http://10.0.0.8:8000/v1")).isTrue();
        assertThat(policy.allows("http://127.0.0.1:11434/v1")).isTrue();
        assertThat(policy.allows("http://169.254.169.254/latest/meta-data/")).isFalse();
    }

    @Test
    void theRefusalNamesTheSettingAndTheWayOut() {
        assertThatThrownBy(() -> strict.check("http://127.0.0.1:11434/v1", "tandem.ai.chat.base-url"))
            .isInstanceOf(EgressPolicy.Refused.class)
            .hasMessageContaining("tandem.ai.chat.base-url")
            .hasMessageContaining("loopback")
            .hasMessageContaining("tandem.egress.allowed-hosts");
    }
}
