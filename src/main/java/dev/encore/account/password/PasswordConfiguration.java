package dev.encore.account.password;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id for new hashes, behind Spring Security's delegating encoder so that hashes carry
 * their algorithm ({@code {argon2}...}) and older ones are upgraded at the next login; passwords are
 * hashed and checked in Unicode normal form C ({@link NormalizingPasswordEncoder}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    static final String CURRENT = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new NormalizingPasswordEncoder(new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder())));
    }
}
