package dev.encore.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Embedded mode's secrets: any secret the operator did not set is generated once, kept in
 * {@code <data-dir>/secrets.properties} (readable by the owner only) and reused on every later
 * start, so tokens survive restarts without any setup. Values are never logged, except the admin
 * registration key once when it is generated, in a box that stands out: the first admin needs it to
 * register, and it works only until an admin exists (a bootstrap key, see
 * {@link dev.encore.platform.AdminRegistrationKey}). The {@code prod} profile never generates:
 * {@link ProductionSettingsGuard} demands real values there.
 */
public class GeneratedSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String FILE_NAME = "secrets.properties";

    /** Secret properties and how many random bytes each gets. */
    static final Map<String, Integer> SECRETS = Map.of(
            "encore.security.jwt-secret", 48,
            "encore.security.admin-registration-key", 24,
            "encore.security.secret-box-key", 48);

    static final String ADMIN_KEY = "encore.security.admin-registration-key";

    /** The key every sealed secret (two-factor secrets, provider tokens) needs: never replaced once made. */
    static final String SECRET_BOX_KEY = "encore.security.secret-box-key";

    /** The property source holding the generated values. */
    static final String SOURCE = "encoreGeneratedSecrets";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Log log;

    public GeneratedSecretsEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(GeneratedSecretsEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>();
        SECRETS.keySet().stream().sorted()
                .filter(key -> isBlank(environment.getProperty(key)))
                .forEach(key -> missing.put(key, null));
        if (missing.isEmpty()) {
            return;
        }
        Path dataDir = DataDirectory.resolve(environment);
        Map<String, String> values = loadOrGenerate(dataDir, missing.keySet(), LogFormat.json(environment));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.copyOf(values)));
    }

    /** Whether the value {@code key} has in {@code environment} is one Encore generated. */
    static boolean generated(ConfigurableEnvironment environment, String key) {
        org.springframework.core.env.PropertySource<?> source = environment.getPropertySources().get(SOURCE);
        return source != null && source.containsProperty(key)
                && java.util.Objects.equals(source.getProperty(key), environment.getProperty(key));
    }

    Map<String, String> loadOrGenerate(Path dataDir, Iterable<String> keys, boolean jsonLogs) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties stored = read(file);
        Map<String, String> values = new LinkedHashMap<>();
        boolean changed = false;
        for (String key : keys) {
            String value = stored.getProperty(key);
            if (SECRET_BOX_KEY.equals(key) && value != null) {
                requireUsable(file, value);
            }
            if (isBlank(value)) {
                value = randomSecret(SECRETS.get(key));
                stored.setProperty(key, value);
                changed = true;
                log.info("Generated " + key + " and stored it in " + file + " (owner-only); set it explicitly in production");
                if (ADMIN_KEY.equals(key)) {
                    // the one secret shown, once: without it nobody can register the first admin
                    log.info(jsonLogs ? "Admin registration key (shown this once; adminKey of the first admin's "
                            + "registration, refused once an admin exists): " + value : AdminKeyBox.of(value, file));
                }
            }
            values.put(key, value);
        }
        if (changed) {
            write(file, stored);
        }
        return values;
    }

    /**
     * A secret-box key line that is there but empty or damaged (a hand edit, a bad copy) stops the
     * start: a new key would quietly leave every sealed secret unreadable. Only a file without the
     * line (a fresh data directory) gets a new key.
     */
    private static void requireUsable(Path file, String value) {
        String damage = value.isBlank() ? "is empty"
                : value.codePoints().anyMatch(point -> Character.isWhitespace(point) || Character.isISOControl(point))
                        ? "holds spaces or control characters"
                        : value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < ProductionSettingsGuard.MIN_SECRET_BYTES
                                ? "is shorter than " + ProductionSettingsGuard.MIN_SECRET_BYTES + " bytes" : null;
        if (damage != null) {
            throw new MissingSettingException(SECRET_BOX_KEY, damage + " in " + file + ", and Encore will not "
                    + "replace it: every sealed secret (two-factor secrets, provider tokens) needs the key that sealed it",
                    "Put the key back from a copy of " + FILE_NAME + " (a backup of the data directory), or, to start "
                            + "afresh, delete the line: a new key is made and the secrets sealed with the old one become "
                            + "unreadable (two-factor users enrol again)");
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot read generated secrets from " + file, ex);
            }
        }
        return properties;
    }

    private static void write(Path file, Properties properties) {
        try {
            DataDirectory.create(file.getParent());
            Path temp = OwnerOnlyFiles.createFile(file.resolveSibling(FILE_NAME + ".tmp"));
            try (Writer writer = Files.newBufferedWriter(temp)) {
                properties.store(writer, "Secrets generated by Encore's embedded mode. Keep this file private.");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot store generated secrets in " + file, ex);
        }
    }

    private static String randomSecret(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
