package it.registro.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port over the in-memory embedded store. Every test class with
 * this annotation shares one application context (and one store), so tests use ids of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registro.store.embedded-backend=MEMORY", "spring.profiles.active=test"})
public @interface RegistroIntegrationTest {
}
