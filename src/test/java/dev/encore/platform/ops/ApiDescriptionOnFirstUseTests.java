package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class ApiDescriptionOnFirstUseTests {

    private final DefaultListableBeanFactory factory = new DefaultListableBeanFactory();

    @Test
    void springdocsBeansAndEncoresCustomizersAreMadeOnFirstUse() {
        eager("springDocConfiguration", new RootBeanDefinition(SpringDocConfiguration.class));
        eager("springdocObjectMapperProvider", fromFactory(ObjectMapperProvider.class, "springDocConfiguration"));
        eager("openApiConfiguration", new RootBeanDefinition(OpenApiConfiguration.class));
        eager("encoreOpenApi", fromFactory(Object.class, "openApiConfiguration"));

        new ApiDescriptionOnFirstUse().postProcessBeanFactory(factory);

        assertThat(lazy("springDocConfiguration")).isTrue();
        assertThat(lazy("springdocObjectMapperProvider")).isTrue();
        assertThat(lazy("encoreOpenApi")).isTrue();
    }

    @Test
    void everythingElseKeepsItsFlag() {
        eager("tracks", new RootBeanDefinition(StringBuilder.class));
        eager("fromAnotherConfiguration", fromFactory(Object.class, "tracks"));
        RootBeanDefinition infrastructure = new RootBeanDefinition(SpringDocConfiguration.class);
        infrastructure.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        eager("springdocInfrastructure", infrastructure);
        eager("orphan", fromFactory(Object.class, "noSuchConfiguration"));

        new ApiDescriptionOnFirstUse().postProcessBeanFactory(factory);

        assertThat(lazy("tracks")).isFalse();
        assertThat(lazy("fromAnotherConfiguration")).isFalse();
        assertThat(lazy("springdocInfrastructure")).isFalse();
        assertThat(lazy("orphan")).isFalse();
    }

    @Test
    void theFirstRequestMakesThemInTheOrderAStartWould() {
        eager("springDocConfiguration", new RootBeanDefinition(SpringDocConfiguration.class));
        eager("tracks", new RootBeanDefinition(StringBuilder.class));
        eager("modelConverterRegistrar", fromFactory(Object.class, "springDocConfiguration"));
        RootBeanDefinition perRequest = fromFactory(Object.class, "springDocConfiguration");
        perRequest.setScope(BeanDefinition.SCOPE_PROTOTYPE);
        eager("perRequest", perRequest);
        eager("encoreOperations", fromFactory(Object.class, "openApiConfiguration"));
        eager("openApiConfiguration", new RootBeanDefinition(OpenApiConfiguration.class));

        assertThat(ApiDescriptionOnFirstUse.beans(factory))
                .containsExactly("springDocConfiguration", "modelConverterRegistrar", "encoreOperations");
    }

    private void eager(String name, RootBeanDefinition definition) {
        definition.setLazyInit(false);
        factory.registerBeanDefinition(name, definition);
    }

    private static RootBeanDefinition fromFactory(Class<?> type, String configuration) {
        RootBeanDefinition definition = new RootBeanDefinition(type);
        definition.setFactoryBeanName(configuration);
        definition.setFactoryMethodName("make");
        return definition;
    }

    private boolean lazy(String name) {
        return factory.getBeanDefinition(name).isLazyInit();
    }
}
