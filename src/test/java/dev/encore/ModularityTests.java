package dev.encore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(EncoreApplication.class);

    @Test
    void modulesRespectTheirDeclaredBoundaries() {
        modules.verify();
    }

    /**
     * What other modules implement for platform is its named interface {@code spi}, one package;
     * platform's root keeps infrastructure.
     */
    @Test
    void platformOffersItsContractsAsTheNamedInterfaceSpi() {
        ApplicationModule platform = modules.getModuleByName("platform").orElseThrow();
        var spi = platform.getNamedInterfaces().getByName("spi").orElseThrow();
        for (Class<?> contract : new Class<?>[] { dev.encore.platform.spi.DeliverableFiles.class,
                dev.encore.platform.spi.FileClaims.class, dev.encore.platform.spi.BlobReferences.class,
                dev.encore.platform.spi.StorageUsage.class, dev.encore.platform.spi.StreamLinks.class,
                dev.encore.platform.spi.FieldRules.class }) {
            assertThat(spi.contains(contract)).as(contract.getSimpleName()).isTrue();
        }
        assertThat(modules.stream().filter(module -> !module.equals(platform))
                .flatMap(module -> module.getBasePackage().stream())
                .flatMap(type -> type.getAllRawInterfaces().stream()
                        .filter(contract -> contract.getPackageName().equals("dev.encore.platform"))
                        .map(contract -> type.getName() + " implements " + contract.getName())))
                .as("contracts other modules implement live in platform::spi, not platform's root").isEmpty();
    }

    /**
     * docs/architecture.md draws the module map as a Mermaid graph: it must show every dependency
     * the code has, and no other ("-->" uses the module's API, "-. listens to .->" only its events).
     */
    @Test
    void theArchitecturePageShowsTheModulesAsTheyAre() throws IOException {
        Set<String> drawn = new TreeSet<>();
        Matcher edge = Pattern.compile("(?m)^\\s+(\\w+) (-->|-\\. listens to \\.->) (\\w+)\\s*$")
                .matcher(Files.readString(Path.of("docs/architecture.md")));
        while (edge.find()) {
            drawn.add(edge.group(1) + (edge.group(2).equals("-->") ? " uses " : " listens to ") + edge.group(3));
        }
        Set<String> actual = new TreeSet<>();
        modules.forEach(module -> module.getDirectDependencies(modules).uniqueModules().forEach(target -> {
            // a listener names the event's type too (a DEFAULT dependency): that alone is not using the API
            Set<DependencyType> types = new TreeSet<>();
            module.getDirectDependencies(modules).stream()
                    .filter(dependency -> dependency.getTargetModule().equals(target))
                    .map(ApplicationModuleDependency::getDependencyType).forEach(types::add);
            boolean usesApi = !types.contains(DependencyType.EVENT_LISTENER)
                    || types.stream().anyMatch(type -> type != DependencyType.EVENT_LISTENER && type != DependencyType.DEFAULT);
            actual.add(module.getIdentifier() + (usesApi ? " uses " : " listens to ") + target.getIdentifier());
        }));
        assertThat(drawn).as("the module map in docs/architecture.md").isEqualTo(actual);
    }

    @Test
    void documentsTheModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
