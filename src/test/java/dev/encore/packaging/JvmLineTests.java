package dev.encore.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small-box JVM line (docs/performance.md, "The JVM line") is written out wherever Encore is
 * launched: the pom's {@code spring-boot:run} arguments, the Dockerfile, the systemd unit, the
 * README's {@code java -jar} line, the docs and the benchmarks ({@code bench/small-box.sh}). An
 * option added to one copy and not to the others would launch Encore differently depending on how
 * it was installed, so the pom's line is the reference and every other copy must say the same; the
 * examples that show how to raise the heap for a big library may change the heap sizes only.
 */
class JvmLineTests {

    private static final String JVM_OPTION = "-X[^\\s\"\\\\]+";

    @Test
    void everyLaunchPathRunsThePomsLine() throws IOException {
        String line = pomLine();
        assertThat(line).contains("-XX:+UseSerialGC", "-Xmx256m");

        assertThat(optionsAfter("Dockerfile", "ENV ENCORE_JAVA_OPTS=\"")).isEqualTo(line);
        assertThat(optionsAfter("deploy/encore.service", "Environment=\"ENCORE_JAVA_OPTS=")).isEqualTo(line);
        assertThat(optionsAfter("bench/small-box.sh", "SMALL_BOX_JVM=\"")).isEqualTo(line);
        assertThat(optionsAfter("README.md", "MALLOC_ARENA_MAX=2 \"$JAVA_HOME/bin/java\" ")).isEqualTo(line);
        assertThat(optionsAfter("docs/performance.md", "MALLOC_ARENA_MAX=2 java ")).isEqualTo(line);
    }

    @Test
    void theAotCacheIsTrainedAndUsedWithTheSameLine() throws IOException {
        // a cache made with other options (compact headers, collector) is refused at start
        String line = pomLine();
        for (String file : new String[] { "README.md", "docs/performance.md" }) {
            assertThat(optionsAfter(file, "java ", "-XX:AOTCacheOutput")).as(file + ", training").isEqualTo(line);
            assertThat(optionsAfter(file, "MALLOC_ARENA_MAX=2 java ", "-XX:AOTCache=")).as(file + ", use")
                    .isEqualTo(line);
        }
        // the systemd unit trains with the line it starts with ($ENCORE_JAVA_OPTS), and uses what it trained
        String unit = read("deploy/encore.service");
        assertThat(optionsAfter("deploy/encore.service", "#   java ", "-XX:AOTCacheOutput")).isEqualTo(line);
        assertThat(unit).contains("-XX:AOTCacheOutput=/opt/encore/encore.aot",
                "ExecStart=/usr/bin/java $ENCORE_JAVA_OPTS -XX:AOTCache=/opt/encore/encore.aot -jar /opt/encore/encore.jar");
    }

    @Test
    void theBigLibraryExamplesRaiseOnlyTheHeap() throws IOException {
        // how to raise the heap is shown as a whole line; it must keep every other option
        String others = withoutHeapSizes(pomLine());
        assertThat(withoutHeapSizes(optionsAfter("pom.xml", "-Dencore.run.jvm=\""))).as("pom.xml").isEqualTo(others);
        assertThat(withoutHeapSizes(optionsAfter("README.md", "-Dencore.run.jvm=\""))).as("README.md")
                .isEqualTo(others);
        assertThat(withoutHeapSizes(optionsAfter("deploy/encore.service", "#   ENCORE_JAVA_OPTS=")))
                .as("deploy/encore.service").isEqualTo(others);
    }

    private static String withoutHeapSizes(String options) {
        return options.replaceAll("\\s*-Xm[sx]\\S+", "").trim();
    }

    private static String pomLine() throws IOException {
        Matcher pom = Pattern.compile("<encore\\.run\\.jvm>([^<]+)</encore\\.run\\.jvm>").matcher(read("pom.xml"));
        assertThat(pom.find()).as("pom.xml defines encore.run.jvm").isTrue();
        return pom.group(1).trim();
    }

    /** The JVM options that follow the first occurrence of {@code prefix} in {@code file}. */
    private static String optionsAfter(String file, String prefix) throws IOException {
        return optionsAfter(file, prefix, null);
    }

    /**
     * The JVM options that follow {@code prefix} on the first line (with its backslash continuations)
     * that holds {@code prefix} and, when given, {@code marker}; the marker itself is not counted.
     */
    private static String optionsAfter(String file, String prefix, String marker) throws IOException {
        String text = read(file).replace("\\\n", " ");
        for (String textLine : text.split("\n")) {
            int at = textLine.indexOf(prefix);
            if (at < 0 || (marker != null && !textLine.contains(marker))) {
                continue;
            }
            StringBuilder options = new StringBuilder();
            Matcher option = Pattern.compile("\\s*(" + JVM_OPTION + ")").matcher(textLine);
            option.region(at + prefix.length(), textLine.length());
            while (option.lookingAt()) {
                String found = option.group(1);
                if (marker == null || !found.startsWith(marker)) {
                    options.append(options.isEmpty() ? "" : " ").append(found);
                }
                option.region(option.end(), textLine.length());
            }
            return options.toString();
        }
        throw new AssertionError(file + " has no line with " + prefix + (marker == null ? "" : " and " + marker));
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
