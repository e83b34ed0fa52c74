package de.amtsraum.edge.internal;

import de.amtsraum.shared.AnonymisedIp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnonymisedIpTest {

    @Test
    void ipv4LosesItsLastOctet() {
        assertThat(AnonymisedIp.of("127.0.0.1")).isEqualTo("127.0.0.0");
        assertThat(AnonymisedIp.of("203.0.113.254")).isEqualTo("203.0.113.0");
        assertThat(AnonymisedIp.of("::ffff:198.51.100.7")).as("IPv4-mapped").isEqualTo("198.51.100.0");
    }

    @Test
    void ipv6KeepsOnlyItsFirst48Bits() {
        assertThat(AnonymisedIp.of("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3:0:0:0:0:0");
        assertThat(AnonymisedIp.of("[2001:db8:1::1]")).isEqualTo("2001:db8:1:0:0:0:0:0");
        assertThat(AnonymisedIp.of("fe80::1%eth0")).as("zone dropped").isEqualTo("fe80:0:0:0:0:0:0:0");
        assertThat(AnonymisedIp.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0");
    }

    @Test
    void anythingElseIsNotKeptAndNeverResolved() {
        assertThat(AnonymisedIp.of(null)).isNull();
        assertThat(AnonymisedIp.of("localhost")).isNull();
        assertThat(AnonymisedIp.of("example.org")).isNull();
        assertThat(AnonymisedIp.of("999.1.1.1")).isNull();
        assertThat(AnonymisedIp.of("")).isNull();
    }

    @Test
    void userAgentsBecomeFamilies() {
        assertThat(UserAgentFamily.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0 Safari/537.36")).isEqualTo(new UserAgentFamily("Chrome", "Linux"));
        assertThat(UserAgentFamily.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo(new UserAgentFamily("Safari", "iOS"));
        assertThat(UserAgentFamily.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo(new UserAgentFamily("Firefox", "Windows"));
        assertThat(UserAgentFamily.of("Java-http-client/21")).isEqualTo(new UserAgentFamily("other", "other"));
        assertThat(UserAgentFamily.of(null)).isEqualTo(new UserAgentFamily("unknown", "unknown"));
    }

    @Test
    void tenantComesFromTheFirstSegmentOrTheApiPath() {
        assertThat(RouteTemplates.tenantCandidate("/helbra/kontakt")).isEqualTo("helbra");
        assertThat(RouteTemplates.tenantCandidate("/api/v1/tenants/leer/services")).isEqualTo("leer");
        assertThat(RouteTemplates.tenantCandidate("/api/v1/tenants")).isNull();
        assertThat(RouteTemplates.tenantCandidate("/api/v1/operator/tenants/leer")).isNull();
        assertThat(RouteTemplates.tenantCandidate("/erika.mustermann@example.org")).isNull();
        assertThat(RouteTemplates.tenantCandidate("/")).isNull();
    }
}
