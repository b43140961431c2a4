package dev.encore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.encore.platform.StorableInstant;

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

    @ArchTest
    static final ArchRule instantInputsAreBounded = methods().that(handleRequests())
            .should(boundEveryInstant())
            .because("an instant past the year 9999 fails its write or query with a 500 (StorableInstant): every "
                    + "Instant a request brings, a parameter or a field of a request record, is bounded alike");

    /** Controller methods that take requests, REST or STOMP. */
    private static DescribedPredicate<JavaMethod> handleRequests() {
        return DescribedPredicate.describe("handle requests", method -> method.isMetaAnnotatedWith(
                org.springframework.web.bind.annotation.RequestMapping.class)
                || method.isAnnotatedWith(org.springframework.web.bind.annotation.RequestMapping.class)
                || method.isMetaAnnotatedWith(org.springframework.messaging.handler.annotation.MessageMapping.class)
                || method.isAnnotatedWith(org.springframework.messaging.handler.annotation.MessageMapping.class));
    }

    private static ArchCondition<JavaMethod> boundEveryInstant() {
        return new ArchCondition<>("bound every Instant they take with @StorableInstant") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    JavaClass type = parameter.getRawType();
                    if (type.isEquivalentTo(Instant.class) && !parameter.isAnnotatedWith(StorableInstant.class)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes an Instant "
                                + "(parameter " + parameter.getIndex() + ", from 0) without @StorableInstant"));
                    }
                    checkFields(method, type, new HashSet<>(), events);
                }
            }

            /** The Instant fields of a request record of Encore's, and of the records inside it. */
            private void checkFields(JavaMethod method, JavaClass type, Set<JavaClass> seen, ConditionEvents events) {
                if (!type.isRecord() || !type.getPackageName().startsWith("dev.encore") || !seen.add(type)) {
                    return;
                }
                for (JavaField field : type.getFields()) {
                    if (field.getRawType().isEquivalentTo(Instant.class)
                            && !field.isAnnotatedWith(StorableInstant.class)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes "
                                + field.getFullName() + ", an Instant without @StorableInstant"));
                    }
                    checkFields(method, field.getRawType(), seen, events);
                }
            }
        };
    }
}
