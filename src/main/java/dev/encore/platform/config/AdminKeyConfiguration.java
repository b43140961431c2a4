package dev.encore.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.encore.platform.AdminRegistrationKey;
import dev.encore.platform.EncoreSecurityProperties;

/** The admin registration key, knowing whether Encore generated it (a bootstrap key then). */
@Configuration(proxyBeanMethods = false)
class AdminKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyConfiguration.class);

    @Bean
    AdminRegistrationKey adminRegistrationKey(EncoreSecurityProperties security, ConfigurableEnvironment environment) {
        boolean generated = GeneratedSecretsEnvironmentPostProcessor.generated(environment,
                GeneratedSecretsEnvironmentPostProcessor.ADMIN_KEY);
        if (generated && security.adminKeyReusable()) {
            log.warn("encore.security.admin-key-reusable has no effect on a generated admin registration key: it "
                    + "registers the first admin only; set encore.security.admin-registration-key to reuse a key");
        }
        return new AdminRegistrationKey(security.adminRegistrationKey(), generated, security.adminKeyReusable());
    }
}
