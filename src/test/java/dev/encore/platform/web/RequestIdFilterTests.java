package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdFilterTests {

    @Test
    void keepsSaneIds() {
        assertThat(RequestIdFilter.chooseId("abc-DEF_1.2")).isEqualTo("abc-DEF_1.2");
        assertThat(RequestIdFilter.chooseId("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void replacesInsaneIds() {
        for (String bad : new String[] { null, "", "x".repeat(65), "a b", "a\nb", "ü", "a/b", "${jndi:x}" }) {
            assertThat(RequestIdFilter.chooseId(bad)).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
        }
    }
}
