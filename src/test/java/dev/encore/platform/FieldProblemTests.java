package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class FieldProblemTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theJsonReadsFieldThenMessage() {
        assertThat(JSON.writeValueAsString(new FieldProblem("size", "must be 1 or more")))
                .isEqualTo("{\"field\":\"size\",\"message\":\"must be 1 or more\"}");
    }

    @Test
    void invalidFieldsKeepTheirOrderAndShape() {
        SequencedMap<String, String> messages = new LinkedHashMap<>();
        messages.put("urls[3]", "must use http or https");
        messages.put("urls[1]", "is too long");
        InvalidFieldsException ex = InvalidFieldsException.ofFields(messages);

        assertThat(JSON.writeValueAsString(ex.getBody().getProperties().get("errors"))).isEqualTo(
                "[{\"field\":\"urls[3]\",\"message\":\"must use http or https\"},"
                        + "{\"field\":\"urls[1]\",\"message\":\"is too long\"}]");
    }

    @Test
    void sortsByFieldThenMessage() {
        List<FieldProblem> sorted = List.of(new FieldProblem("size", "b"), new FieldProblem("page", "z"),
                new FieldProblem("size", "a")).stream().sorted(FieldProblem.ORDER).toList();

        assertThat(sorted).containsExactly(new FieldProblem("page", "z"), new FieldProblem("size", "a"),
                new FieldProblem("size", "b"));
    }

    @Test
    void anExceptionCarryingThemStaysSerializable() throws Exception {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(InvalidFieldsException.of("size", "must be 1 or more"));
        }
    }

    @Test
    void aMissingFieldOrMessageIsStillAnAnswer() {
        assertThat(new FieldProblem(null, null)).isEqualTo(new FieldProblem("", "is invalid"));
    }
}
