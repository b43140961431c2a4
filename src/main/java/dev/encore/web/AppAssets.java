package dev.encore.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.webjars.WebJarVersionLocator;

/**
 * Where the app's files are served: its own code under {@code /app/<content hash>/} (a new build
 * with changed files gets a new URL, so browsers may cache each URL for a year), and the browser
 * libraries under {@code /app/lib/<webjar>/<version>/} (the version is in the path already).
 */
final class AppAssets {

    /** The classpath directory of the app's own files. */
    static final String LOCATION = "classpath:/web/app/";
    /** The classpath directory of the WebJars' files. */
    static final String LIBRARY_LOCATION = "classpath:/META-INF/resources/webjars/";
    static final String LIBRARY_PATH = "/app/lib/";

    private final String base;
    private final Map<String, String> imports;

    private AppAssets(String base, Map<String, String> imports) {
        this.base = base;
        this.imports = imports;
    }

    /** Hashes the app's files and finds the versions of the libraries on the classpath. */
    static AppAssets load() {
        String base = "/app/" + contentHash() + "/";
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        String lit = library(webJars, "lit");
        String litHtml = library(webJars, "lit-html");
        String litElement = library(webJars, "lit-element");
        String reactiveElement = library(webJars, "lit__reactive-element");
        String hls = library(webJars, "hls.js");
        String stomp = library(webJars, "stomp__stompjs");
        Map<String, String> imports = new LinkedHashMap<>();
        imports.put("lit", lit + "index.js");
        imports.put("lit/", lit);
        imports.put("lit-html", litHtml + "lit-html.js");
        imports.put("lit-html/", litHtml);
        imports.put("lit-element/", litElement);
        imports.put("@lit/reactive-element", reactiveElement + "reactive-element.js");
        imports.put("@lit/reactive-element/", reactiveElement);
        // imported by the video page alone, when it plays HLS (about 890 KB, so never up front)
        imports.put("hls.js", hls + "dist/hls.mjs");
        // imported by the live screens alone (rooms, premieres, presenter sessions), about 60 KB
        imports.put("@stomp/stompjs", stomp + "esm6/index.js");
        return new AppAssets(base, imports);
    }

    /** The URL prefix of the app's own files, e.g. {@code /app/3f2a9c1b7d/}. */
    String base() {
        return base;
    }

    /** Bare module specifier to URL: the content of the page's import map. */
    Map<String, String> imports() {
        return imports;
    }

    private static String library(WebJarVersionLocator webJars, String name) {
        String version = webJars.version(name);
        if (version == null) {
            throw new IllegalStateException("The WebJar " + name + " is not on the classpath");
        }
        return LIBRARY_PATH + name + "/" + version + "/";
    }

    private static String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION + "**/*.*");
            Arrays.sort(files, Comparator.comparing(AppAssets::url));
            for (Resource file : files) {
                digest.update(url(file).replaceFirst(".*/web/app/", "").getBytes());
                digest.update(file.getContentAsByteArray());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
