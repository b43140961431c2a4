package dev.encore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.encore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** A module's root package (dev.encore.library), its API; feature packages below it are internal. */
    private static final String MODULE_ROOT = "dev.encore.*";

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should()
            .beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .because("dependencies are constructor-injected (STYLE 11)");

    @ArchTest
    static final ArchRule entitiesAreNotPublic = classes().that()
            .areAnnotatedWith(org.springframework.data.relational.core.mapping.Table.class)
            .and().resideInAPackage(MODULE_ROOT)
            .should().notBePublic().allowEmptyShould(true)
            .because("entities stay inside their module (STYLE 5): never in its API, the root package; "
                    + "in a feature package Spring Modulith already keeps them from other modules");

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes().that()
            .areAssignableTo(org.springframework.data.repository.Repository.class)
            .and().resideInAPackage(MODULE_ROOT)
            .should().notBePublic().allowEmptyShould(true)
            .because("repositories stay inside their module (STYLE 5): never in its API, the root package; "
                    + "in a feature package Spring Modulith already keeps them from other modules");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes().that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic().allowEmptyShould(true)
            .because("controllers are thin and package-private (STYLE 16)");

    @ArchTest
    static final ArchRule noShellsOrRuntimeExec = noClasses().should()
            .callMethod(Runtime.class, "exec", String.class)
            .because("external processes get argument lists, never a shell command line (DESIGN §6)");
}
