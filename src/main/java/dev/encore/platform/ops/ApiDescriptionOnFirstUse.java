package dev.encore.platform.ops;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes the API description's beans (springdoc's, and Encore's customizers of it) on the first
 * request for {@code /v3/api-docs} or Swagger UI instead of at start.
 *
 * <p>Why: springdoc marks its beans {@code @Lazy(false)}, so every start built its services,
 * swagger-core's model converters and their own Jackson 2 mappers on the start's thread, work no
 * request but the API description's needs (docs/performance.md, sixteenth round: 145 fewer classes
 * at a default start, and the mappers' building). The document's content does not change: it is
 * generated on its first request either way.
 *
 * <p>Some of springdoc's beans do their work in their constructor (the model converters' registrar
 * adds Encore's property customizer to swagger-core's converters) and no other bean asks for them:
 * {@link ApiDescriptionFirstRequest} makes them all, in the order a start made them, before the first
 * request for the description. Infrastructure beans are left as they are, and post-processors among
 * the rest are made at start whatever their flag says. Runs both in the build (Spring AOT records the
 * flag in the bean set it generates) and at a plain start.
 */
final class ApiDescriptionOnFirstUse implements BeanFactoryPostProcessor {

    private static final String SPRINGDOC = "org.springdoc.";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        beans(factory).forEach(name -> factory.getBeanDefinition(name).setLazyInit(true));
    }

    /** The API description's beans, in the order of their definitions (which a start makes them in). */
    static List<String> beans(ConfigurableListableBeanFactory factory) {
        List<String> names = new ArrayList<>();
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            if (definition.getRole() == BeanDefinition.ROLE_APPLICATION && definition.isSingleton()
                    && !definition.isAbstract() && isApiDescription(factory, definition)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isApiDescription(ConfigurableListableBeanFactory factory, BeanDefinition definition) {
        String factoryBean = definition.getFactoryBeanName();
        if (factoryBean == null) {
            return isSpringdoc(definition.getBeanClassName());
        }
        // a @Bean method's bean: lazy when its configuration is springdoc's or Encore's OpenApiConfiguration
        if (!factory.containsBeanDefinition(factoryBean)) {
            return false;
        }
        String configuration = factory.getBeanDefinition(factoryBean).getBeanClassName();
        return isSpringdoc(configuration) || OpenApiConfiguration.class.getName().equals(configuration);
    }

    private static boolean isSpringdoc(String className) {
        return className != null && className.startsWith(SPRINGDOC);
    }
}
