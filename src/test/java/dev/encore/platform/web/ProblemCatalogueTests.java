package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.encore.platform.Problems;
import dev.encore.platform.web.ProblemCatalogue.ProblemType;

/**
 * Every problem type the code can answer with has a page: the main sources are read for the names
 * given to {@link Problems#of} (directly, or through a helper or exception that forwards its
 * arguments to it), and each must be in {@link ProblemCatalogue} with the same status.
 */
class ProblemCatalogueTests {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String NAME = "\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"";
    /** {@code Problems.of(HttpStatus.X, "name", ...)} and any helper called {@code (HttpStatus.X, "name", ...)}. */
    private static final Pattern WITH_STATUS = Pattern.compile("HttpStatus\\.([A-Z_]+)\\s*,\\s*" + NAME);
    /** {@code Problems.of(status, "name", ...)} with a status from a variable. */
    private static final Pattern OF_LITERAL = Pattern.compile("Problems\\.of\\(\\s*[a-z]\\w*\\s*,\\s*" + NAME);
    /** An exception whose constructor takes the name first and its title next: {@code new XException("name", "Title"}. */
    private static final Pattern NAME_THEN_TITLE = Pattern.compile("new \\w+Exception\\(\\s*" + NAME + "\\s*,\\s*\"[A-Z]");
    /** Any call of {@code Problems.of}, to see what its name argument is. */
    private static final Pattern ANY_OF = Pattern.compile("Problems\\.of\\(\\s*[^,]+,\\s*([^,]+),");

    @Test
    void everyProblemTypeTheCodeUsesHasAPageWithItsStatus() throws IOException {
        Map<String, Integer> used = new TreeMap<>();
        Map<String, String> forwardedIn = new HashMap<>();
        for (Path file : sources()) {
            String code = Files.readString(file);
            collect(code, WITH_STATUS, used, true);
            collect(code, OF_LITERAL, used, false);
            collect(code, NAME_THEN_TITLE, used, false);
            Matcher calls = ANY_OF.matcher(code);
            while (calls.find()) {
                String argument = calls.group(1).strip();
                if (!argument.startsWith("\"") && !argument.startsWith("Problems.slugFor(")) {
                    forwardedIn.put(file.toString(), argument);
                    assertThat(argument).as("%s passes a problem name through a variable: name it slug, and pass "
                            + "literals to it, so this test can find them", file).isEqualTo("slug");
                }
            }
        }
        for (int status = 400; status < 600; status++) {
            used.putIfAbsent(Problems.slugFor(status), null);
        }
        assertThat(used).as("the scan finds the names it must").containsKeys("validation-failed", "account-exists",
                "too-many-imports", "upload-busy", "link-expired", "cors-rejected");
        assertThat(forwardedIn).as("files that forward a name").isNotEmpty();

        Map<String, ProblemType> catalogue = new HashMap<>();
        ProblemCatalogue.TYPES.forEach(type -> assertThat(catalogue.put(type.name(), type))
                .as("one entry per name: " + type.name()).isNull());
        used.forEach((name, status) -> {
            assertThat(catalogue).as("problem type %s has no page: add it to ProblemCatalogue", name).containsKey(name);
            if (status != null) {
                assertThat(catalogue.get(name).status()).as("status of " + name).isEqualTo(status);
            }
        });
    }

    @Test
    void everyEntrySaysWhatItMeansAndWhatToDo() {
        assertThat(ProblemCatalogue.TYPES).allSatisfy(type -> {
            assertThat(type.name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(HttpStatus.resolve(type.status())).isNotNull();
            assertThat(type.title()).isNotBlank();
            assertThat(type.meaning()).endsWith(".");
            assertThat(type.action()).isNotBlank();
        });
    }

    @Test
    void aTypeIsThePathOfItsPage() {
        assertThat(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "x").getType())
                .hasToString("/problems/not-found");
    }

    private static void collect(String code, Pattern pattern, Map<String, Integer> used, boolean withStatus) {
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            if (withStatus) {
                used.put(matcher.group(2), HttpStatus.valueOf(matcher.group(1)).value());
            }
            else {
                used.putIfAbsent(matcher.group(1), null);
            }
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
