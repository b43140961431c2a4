package dev.encore.platform.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives Tomcat an empty document root of its own, {@code docbase} in its base directory
 * ({@code server.tomcat.basedir}, under the data directory). A jar has none, and Spring Boot then
 * made a new {@code /tmp/tomcat-docbase.<port>.*} at every start, deleted only when the JVM exits
 * normally: each killed process left one behind. Encore serves nothing from it.
 */
@Component
class TomcatDocumentRoot implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final TomcatServerProperties tomcat;

    TomcatDocumentRoot(TomcatServerProperties tomcat) {
        this.tomcat = tomcat;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        File basedir = tomcat.getBasedir();
        if (basedir == null) {
            return; // an operator's choice: Spring Boot's temporary directories
        }
        File docbase = new File(basedir, "docbase");
        try {
            factory.setDocumentRoot(Files.createDirectories(docbase.toPath()).toFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create Tomcat's document root " + docbase, ex);
        }
    }
}
