package it.registro.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Registro: the event-sourced register of Lombardy's mayors' bodies, their sessions and acts. */
@SpringBootApplication(scanBasePackages = "it.registro")
@ConfigurationPropertiesScan("it.registro.app")
public class RegistroApplication {

    public static void main(String[] args) {
        // Axon's update checker would try to reach the internet at start-up.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(RegistroApplication.class, args);
    }
}
