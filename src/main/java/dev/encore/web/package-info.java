/**
 * The web app in the browser: the app shell at {@code /} and every deep link, its versioned
 * static assets and the browser libraries (WebJars). A client of the public API and nothing else.
 */
@ApplicationModule(allowedDependencies = { "platform" })
package dev.encore.web;

import org.springframework.modulith.ApplicationModule;
