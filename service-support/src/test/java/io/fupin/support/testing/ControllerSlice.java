package io.fupin.support.testing;

import io.fupin.support.identity.IdentitySignature;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.mockito.Mockito;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ReflectionUtils;

/**
 * What every service's {@code @WebMvcTest} slice starts from: the named controllers with the real identity filter,
 * method security and the service's problem handling, under its {@code test} profile (its identity secret), their
 * collaborators left to {@code @MockitoBean}s, {@code MockMvc}, and a {@link SignedCallers} bean that signs requests
 * as the gateway does. Assertions on the answers are in {@link Slices}.
 * <p>
 * Where a service states who may run a use case with {@code @PreAuthorize} on its application service, that is the
 * very class a slice replaces with a mock. Spring registers a {@code @MockitoBean} as a finished singleton that no
 * proxy wraps, so {@link SecuredMocks} puts each such mock behind the context's method security before the
 * controllers get it: a slice then answers 401 and 403 as the service does, while the test stubs and verifies the
 * plain mock (reset after each test, as every {@code @MockitoBean}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ActiveProfiles("test")
@Import({ControllerSlice.Callers.class, ControllerSlice.SecuredMocks.class})
public @interface ControllerSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** Callers signed with the slice's identity secret. */
    @TestConfiguration(proxyBeanMethods = false)
    class Callers {

        @Bean
        SignedCallers signedCallers(IdentitySignature signature) {
            return new SignedCallers(signature);
        }
    }

    /**
     * For every mock whose class has a method under {@code @PreAuthorize}, a primary bean of its type: the mock
     * behind the context's authorization advisors, which the controllers are given instead of the bare mock.
     */
    class SecuredMocks implements BeanFactoryPostProcessor {

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            for (String name : beanFactory.getSingletonNames()) {
                Object bean = beanFactory.getSingleton(name);
                if (bean == null || !Mockito.mockingDetails(bean).isMock()) {
                    continue;
                }
                Class<?> type = Mockito.mockingDetails(bean).getMockCreationSettings().getTypeToMock();
                if (guarded(type)) {
                    RootBeanDefinition secured = new RootBeanDefinition(type);
                    secured.setInstanceSupplier(() -> secured(bean, type, beanFactory));
                    secured.setPrimary(true);
                    // Synthetic: no post-processor wraps the proxy a second time.
                    secured.setSynthetic(true);
                    ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition("secured-" + name, secured);
                }
            }
        }

        private static boolean guarded(Class<?> type) {
            return Arrays.stream(ReflectionUtils.getAllDeclaredMethods(type))
                    .anyMatch(method -> MergedAnnotations.from(method).isPresent(PreAuthorize.class));
        }

        private static Object secured(Object mock, Class<?> type, ConfigurableListableBeanFactory beanFactory) {
            List<AuthorizationAdvisor> advisors = new ArrayList<>(beanFactory.getBeanProvider(MethodInterceptor.class)
                    .stream().filter(AuthorizationAdvisor.class::isInstance).map(AuthorizationAdvisor.class::cast)
                    .toList());
            if (advisors.isEmpty()) {
                throw new IllegalStateException("The slice has no method security to put " + type + " behind");
            }
            AnnotationAwareOrderComparator.sort(advisors);
            ProxyFactory proxy = new ProxyFactory(mock);
            proxy.setProxyTargetClass(true);
            advisors.forEach(proxy::addAdvisor);
            return proxy.getProxy(type.getClassLoader());
        }
    }
}
