package org.sansho.webhook.subscriptions.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionRulesTest {

    @Test
    void patterns_match_exact_types_whole_trailing_segments_and_everything() {
        assertThat(new EventTypePattern("org.sansho.contract.created.v1").matches("org.sansho.contract.created.v1"))
                .isTrue();
        assertThat(new EventTypePattern("org.sansho.contract.*").matches("org.sansho.contract.state-changed.v1"))
                .isTrue();
        assertThat(new EventTypePattern("org.sansho.contract.*").matches("org.sansho.contractor.created.v1"))
                .isFalse();
        assertThat(new EventTypePattern("org.sansho.contract.*").matches("org.sansho.assessment.opened.v1"))
                .isFalse();
        assertThat(new EventTypePattern("*").matches("org.sansho.catalog.guideline-version.published.v1")).isTrue();
        assertThat(new EventTypePattern("org.sansho.contract.created.v1").matches("org.sansho.contract.created.v2"))
                .isFalse();
    }

    @Test
    void a_pattern_with_a_wildcard_inside_or_other_characters_is_refused() {
        for (String bad : new String[]{"org.*.created", "org.sansho.contract*", "ORG.sansho", "", " ", "a..b",
                "org.sansho.%", "*.*"}) {
            assertThat(EventTypePattern.valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void only_https_to_public_hosts_unless_loopback_is_allowed() {
        assertThatCode(() -> EndpointAddress.parse("https://hooks.example.jp/sansho", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EndpointAddress.parse("http://hooks.example.jp/sansho", false))
                .isInstanceOf(EndpointAddress.Refused.class);
        assertThatThrownBy(() -> EndpointAddress.parse("https://localhost:8443/x", false))
                .isInstanceOf(EndpointAddress.Refused.class);
        assertThatThrownBy(() -> EndpointAddress.parse("https://127.0.0.1/x", false))
                .isInstanceOf(EndpointAddress.Refused.class);
        assertThatCode(() -> EndpointAddress.parse("http://127.0.0.1:9000/x", true)).doesNotThrowAnyException();
        assertThatCode(() -> EndpointAddress.parse("http://localhost:9000/x", true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EndpointAddress.parse("http://hooks.example.jp/x", true))
                .isInstanceOf(EndpointAddress.Refused.class);
    }

    @Test
    void private_link_local_metadata_and_odd_urls_are_refused_even_when_loopback_is_allowed() {
        for (String bad : new String[]{"https://10.0.0.5/x", "https://192.168.1.1/x", "https://172.16.0.1/x",
                "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/x", "https://[fe80::1]/x",
                "https://0.0.0.0/x", "https://100.64.0.1/x", "ftp://hooks.example.jp/x", "https://user:pw@hooks.example.jp/",
                "https://intranet/x", "not a url", "https:///path", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> EndpointAddress.parse(bad, true)).as(bad)
                    .isInstanceOf(EndpointAddress.Refused.class);
        }
    }
}
