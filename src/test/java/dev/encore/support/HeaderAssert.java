package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/** Checks on answer headers. */
public final class HeaderAssert {

    private HeaderAssert() {
    }

    /** Each of {@code names} is sent exactly once, and no value repeats inside it. */
    public static void eachOnce(HttpResponse<?> response, String... names) {
        for (String name : names) {
            List<String> lines = response.headers().allValues(name);
            assertThat(lines).as(name + " in " + response.headers().map()).hasSize(1);
            List<String> values = Arrays.stream(lines.getFirst().split(",")).map(String::trim).toList();
            assertThat(values).as(name).doesNotHaveDuplicates();
        }
    }
}
