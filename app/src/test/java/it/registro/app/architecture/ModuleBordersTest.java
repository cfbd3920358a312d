package it.registro.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module borders of docs/adr/0001: app → projections → domain, and the domain knows no web and no MongoDB. */
class ModuleBordersTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.registro");
    }

    @Test
    void theDomainKnowsNoSpringNoWebAndNoMongo() {
        noClasses().that().resideInAPackage("it.registro.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "com.mongodb..", "org.bson..",
                        "tools.jackson..", "com.fasterxml.jackson..", "org.axonframework.extensions.mongo..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("it.registro.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("it.registro.projections..", "it.registro.app..")
                .check(classes);
    }

    @Test
    void projectionsDoNotDependOnTheApp() {
        noClasses().that().resideInAPackage("it.registro.projections..")
                .should().dependOnClassesThat().resideInAPackage("it.registro.app..")
                .check(classes);
    }

    @Test
    void projectionsKnowNoWeb() {
        noClasses().that().resideInAPackage("it.registro.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(classes);
    }

    @Test
    void theDomainNeverReadsTheClock() {
        // Business time comes from commands; an aggregate never reads the clock.
        noClasses().that().resideInAPackage("it.registro.domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }

    @Test
    void boundedContextsDoNotReachIntoEachOthersInternals() {
        // A context may use another's api package (commands, events, queries), the shared rules and the voting floor
        // (the one place the legal figures are computed, ADR 0015), never its aggregate or policies.
        slices().matching("it.registro.domain.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "it.registro.domain.common..", "it.registro.domain.rules..", "it.registro.domain.voting..",
                                "it.registro.domain.*.api.."))
                .check(classes);
    }

    @Test
    void pagesCallServicesNeverControllers() {
        // issue 22 #5: the pages and the REST controllers share the services; a page never goes through a controller
        noClasses().that().resideInAPackage("it.registro.app.pages..")
                .should().dependOnClassesThat().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .check(classes);
        noClasses().that().resideOutsideOfPackage("it.registro.app.pages..")
                .should().dependOnClassesThat().resideInAPackage("it.registro.app.pages..")
                .check(classes);
    }

    @Test
    void appSlicesHaveNoCycles() {
        slices().matching("it.registro.app.(*)..").should().beFreeOfCycles().check(classes);
    }
}
