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
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(it.registro.app.imports.ImportCommandLine.run(RegistroApplication.class, args, System.out));
        }
        SpringApplication.run(RegistroApplication.class, args);
    }
}
