package dev.encore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
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

    @Test
    void documentsTheModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
