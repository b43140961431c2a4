package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import dev.encore.support.PackagedJar;

/**
 * The packaged jar carries what Encore runs on and nothing the tests or the build use: every
 * library is class-loading work at start and bytes in the image. ArchUnit used to arrive through
 * Spring Modulith's verification module; the Modulith API and event registry stay.
 */
class RuntimeJarIT {

    /** Libraries of the tests and the build (file name prefixes in BOOT-INF/lib). */
    private static final List<String> TEST_OR_BUILD_ONLY = List.of("archunit", "spring-modulith-core",
            "spring-modulith-docs", "spring-modulith-test", "spring-modulith-moments", "spring-modulith-apt",
            "junit", "assertj", "mockito", "awaitility", "selenium", "axe-core", "spring-test",
            "spring-boot-test", "s3mock", "byte-buddy-agent");

    @Test
    void holdsNoTestOrBuildLibraries() throws IOException {
        List<String> libraries = libraries();

        assertThat(libraries).as("the jar's libraries").isNotEmpty();
        assertThat(libraries).filteredOn(name -> TEST_OR_BUILD_ONLY.stream().anyMatch(name::startsWith))
                .as("test or build libraries in BOOT-INF/lib").isEmpty();
    }

    @Test
    void keepsTheModulithEventRegistry() throws IOException {
        assertThat(libraries()).anyMatch(name -> name.startsWith("spring-modulith-events-jdbc"))
                .anyMatch(name -> name.startsWith("spring-modulith-api"));
    }

    private static List<String> libraries() throws IOException {
        try (JarFile jar = new JarFile(PackagedJar.jar().toFile())) {
            return jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).filter(name -> !name.isEmpty())
                    .toList();
        }
    }
}
