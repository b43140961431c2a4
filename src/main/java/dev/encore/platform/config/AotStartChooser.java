package dev.encore.platform.config;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Starts the packaged jar with the bean set its build made ahead of time (Spring AOT) whenever that
 * is safe, so every launch on the embedded defaults gets the lighter start without knowing the
 * {@code -Dspring.aot.enabled} flag (docs/performance.md: about 60 MB less memory and a quarter less
 * CPU to start). Safe means: the jar was built with the record of its bean-deciding settings, this is
 * the server's own start (not a command's settings context, not a test), the {@code distributed}
 * profile is off, Encore's bean-deciding settings are the build's ({@link AotSettingsGuard#check}),
 * and the operator set none of Spring's own settings that could decide beans (Spring Boot's
 * conditions read {@code spring.*}, {@code management.*}, {@code server.*}, {@code jobrunr.*} and
 * {@code springdoc.*} keys, and the build fixed their outcome; {@code loader.*} adds classes). Any
 * doubt starts the plain way, with one line saying why. An explicit {@code -Dspring.aot.enabled}
 * (true or false) is the operator's choice and is left alone; {@link AotSettingsGuard} checks an
 * explicit true.
 */
public class AotStartChooser implements EnvironmentPostProcessor, Ordered {

    static final String FLAG = AotDetector.AOT_ENABLED;

    /**
     * Key prefixes that Spring Boot's and the libraries' bean conditions read, and Spring Boot's
     * launcher's ({@code loader.path} puts more classes, so more components, on the class path; the
     * build scanned only the jar's).
     */
    static final List<String> CONDITION_PREFIXES = List.of("spring.", "management.", "server.", "jobrunr.",
            "springdoc.", "loader.");

    /**
     * Keys under those prefixes that only give values to beans the build made anyway (where to
     * connect, what to log, which port), or that choose configuration files (which are read and
     * checked themselves).
     */
    static final List<String> VALUE_ONLY = List.of("spring.profiles.active", "spring.profiles.include",
            "spring.config.location", "spring.config.additional-location", "spring.config.import",
            "spring.config.name", "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.datasource.hikari.", "spring.application.name", "spring.main.banner-mode",
            "spring.output.ansi.enabled", "spring.context.exit", "server.port", "server.address");

    private final Log log;

    public AotStartChooser(DeferredLogFactory logs) {
        this.log = logs.getLog(AotStartChooser.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 20; // after every setting is in place and the guard
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(FLAG) != null || !isTheServersOwnStart(application)) {
            return;
        }
        Map<String, String> built = AotBuildSettings.recorded(application.getClassLoader());
        if (built.isEmpty() || !recordIsPackaged(application.getClassLoader())) {
            return; // a jar built without the record, or classes straight from a build directory (maybe stale)
        }
        Optional<String> against = reasonAgainst(environment, built);
        if (against.isPresent()) {
            log.info("Starting without the bean set made ahead of time in the build: " + against.get());
            return;
        }
        System.setProperty(FLAG, "true");
        log.info("Starting with the bean set made ahead of time in the build (embedded mode, settings as built); "
                + "-D" + FLAG + "=false starts without it");
    }

    /**
     * The server's start runs {@code EncoreApplication} alone, from its main method; a command's
     * settings context ({@code migrate-blobs}) has other sources, and a test's context names the test
     * class as its main class, for which the build made nothing.
     */
    private static boolean isTheServersOwnStart(SpringApplication application) {
        Class<?> main = application.getMainApplicationClass();
        return main != null && application.getAllSources().equals(Set.of(main))
                && ClassUtils.isPresent(main.getName() + "__ApplicationContextInitializer", application.getClassLoader());
    }

    /** Classes and record in one jar come from one build; a build directory may hold an older build's. */
    private static boolean recordIsPackaged(ClassLoader classLoader) {
        URL record = classLoader.getResource(AotBuildSettings.RESOURCE);
        return record != null && "jar".equals(record.getProtocol());
    }

    /** Why this environment must not start the build's bean set, if it must not. */
    static Optional<String> reasonAgainst(ConfigurableEnvironment environment, Map<String, String> built) {
        try {
            AotSettingsGuard.check(environment, built);
        }
        catch (UnsafeSettingException ex) {
            return Optional.of(ex.property() + " " + ex.rule());
        }
        return operatorSetConditionKey(environment).map(key -> key + " is set, one of Spring's own settings that can "
                + "decide which components exist, which the build fixed");
    }

    /**
     * The first key under {@link #CONDITION_PREFIXES} that a source other than Encore's packaged
     * configuration sets (command line, system properties, environment variables, configuration
     * files beside the jar), and that is not {@link #VALUE_ONLY}.
     */
    static Optional<String> operatorSetConditionKey(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable) || isPackagedConfiguration(source)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                String key = canonical(name, source instanceof SystemEnvironmentPropertySource);
                if (CONDITION_PREFIXES.stream().anyMatch(key::startsWith)
                        && VALUE_ONLY.stream().noneMatch(safe -> safe.endsWith(".") ? key.startsWith(safe) : key.equals(safe))) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code SPRING_MAIL_HOST} and {@code spring.Mail.host} as {@code spring.mail.host}; no list index. */
    private static String canonical(String name, boolean environmentVariable) {
        String key = name.toLowerCase(Locale.ROOT);
        if (environmentVariable) {
            key = key.replace('_', '.');
        }
        int index = key.indexOf('[');
        return index < 0 ? key : key.substring(0, index);
    }

    /**
     * The {@code application*.yaml} inside the jar, which the build read too, and what Spring Boot
     * itself adds (the version and process id, {@code applicationInfo}).
     */
    private static boolean isPackagedConfiguration(PropertySource<?> source) {
        return source.getName().contains("class path resource [application") || "applicationInfo".equals(source.getName());
    }
}
