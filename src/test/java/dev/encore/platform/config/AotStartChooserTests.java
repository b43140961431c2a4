package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The packaged jar starts with the build's bean set only when nothing the operator set could have
 * given other beans; everything else, and every start that is not the server's own from its jar,
 * starts the plain way.
 */
class AotStartChooserTests {

    private static final Map<String, String> BUILT = AotBuildSettings.of(new StandardEnvironment());

    @AfterEach
    void noFlagLeftBehind() {
        System.clearProperty(AotStartChooser.FLAG);
    }

    @Test
    void theEmbeddedDefaultsAndTheValuesAnOperatorGivesKeepTheBuildsBeanSet() {
        StandardEnvironment environment = environment(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/encore", "SPRING_DATASOURCE_PASSWORD", "secret",
                "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "20", "SERVER_PORT", "9000",
                "SPRING_PROFILES_ACTIVE", "prod", "ENCORE_DATA_DIR", "/var/lib/encore"),
                Map.of("encore.ingest.workers", "4", "logging.level.root", "warn", "spring.profiles.active[0]", "prod"));
        assertThat(AotStartChooser.reasonAgainst(environment, BUILT)).isEmpty();
        assertThat(AotStartChooser.reasonAgainst(new StandardEnvironment(), BUILT)).isEmpty();
    }

    @Test
    void springsOwnSwitchesFromAnyOperatorSourceStartThePlainWay() {
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of("SPRING_MAIL_HOST", "smtp.example.org"), Map.of()),
                BUILT)).hasValueSatisfying(reason -> assertThat(reason).startsWith("spring.mail.host is set"));
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of(),
                Map.of("management.endpoints.web.exposure.include", "health,prometheus")), BUILT))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("management.endpoints.web.exposure.include"));
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of(),
                Map.of("server.forward-headers-strategy", "framework")), BUILT)).isPresent();
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of("SPRING_THREADS_VIRTUAL_ENABLED", "false"),
                Map.of()), BUILT)).hasValueSatisfying(reason -> assertThat(reason).startsWith("spring.threads.virtual.enabled"));
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of("JOBRUNR_DASHBOARD_ENABLED", "true"), Map.of()),
                BUILT)).isPresent();
        // classes beside the jar (Spring Boot's PropertiesLauncher) can hold components the build never scanned
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of("LOADER_PATH", "/opt/encore/extra"), Map.of()),
                BUILT)).hasValueSatisfying(reason -> assertThat(reason).startsWith("loader.path is set"));
    }

    @Test
    void encoresOwnBeanDecidingSettingsAndTheDistributedProfileStartThePlainWay() {
        assertThat(AotStartChooser.reasonAgainst(environment(Map.of("ENCORE_STORAGE_TYPE", "s3"), Map.of()), BUILT))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("encore.storage.type is \"s3\""));
        StandardEnvironment distributed = environment(Map.of(), Map.of());
        distributed.setActiveProfiles("distributed");
        assertThat(AotStartChooser.reasonAgainst(distributed, BUILT))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("spring.profiles.active names the distributed"));
    }

    @Test
    void theApplicationsPackagedConfigurationIsWhatTheBuildRead() {
        StandardEnvironment environment = environment(Map.of(), Map.of());
        environment.getPropertySources().addLast(new MapPropertySource(
                "Config resource 'class path resource [application.yaml]' via location 'optional:classpath:/'",
                Map.of("spring.threads.virtual.enabled", "true", "management.endpoints.web.exposure.include", "health")));
        environment.getPropertySources().addLast(new MapPropertySource("applicationInfo",
                Map.of("spring.application.version", "0.1.0", "spring.application.pid", "42")));
        assertThat(AotStartChooser.reasonAgainst(environment, BUILT)).isEmpty();
        environment.getPropertySources().addFirst(new MapPropertySource(
                "Config resource 'file [config/application.yaml]' via location 'optional:file:./config/'",
                Map.of("spring.threads.virtual.enabled", "false")));
        assertThat(AotStartChooser.reasonAgainst(environment, BUILT)).isPresent();
    }

    @Test
    void anExplicitFlagATestOrACommandIsLeftAlone() {
        AotStartChooser chooser = new AotStartChooser(new DeferredLogs());
        // a test's application: its main class has no build-made initializer, and its record (if any) is not in a jar
        chooser.postProcessEnvironment(new StandardEnvironment(), new SpringApplication(AotStartChooserTests.class));
        assertThat(System.getProperty(AotStartChooser.FLAG)).isNull();

        System.setProperty(AotStartChooser.FLAG, "false");
        chooser.postProcessEnvironment(new StandardEnvironment(), new SpringApplication(AotStartChooserTests.class));
        assertThat(System.getProperty(AotStartChooser.FLAG)).isEqualTo("false");
    }

    private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> commandLine) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
        return environment;
    }
}
