package dev.encore.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} in the place of Tomcat's HTML error report: the host finds a
 * valve of its error report class in its pipeline and adds no other.
 */
@Component
class TomcatProblemsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter problems;

    TomcatProblemsCustomizer(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(problems));
            }
        });
    }
}
