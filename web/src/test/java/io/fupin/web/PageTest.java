package io.fupin.web;

import io.fupin.web.gateway.Gateway;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The whole web application (security, templates, messages) with the gateway, its only way out, replaced by a
 * mock: pages are rendered exactly as served, from answers the test chooses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@MockitoBean(types = Gateway.class)
public @interface PageTest {
}
