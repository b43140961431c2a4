package dev.encore.platform.config;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * At build time, in Spring's ahead-of-time processing: writes {@link AotBuildSettings} as the build's
 * environment has them into the jar, for {@link AotSettingsGuard} to compare at start.
 */
class AotBuildSettingsRecorder implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        String record = AotBuildSettings.write(AotBuildSettings.of(beanFactory.getBean(Environment.class)));
        return (generationContext, code) -> generationContext.getGeneratedFiles()
                .addResourceFile(AotBuildSettings.RESOURCE, record);
    }
}
