package it.registro.app.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 22, done when: in a real browser (the system's Chromium), the secretariat signs in with the form and records
 * seed 004's seduta 1/24 — convocation, participants, agenda and its second title, roll call with an approximate late
 * arrival, chairs, quorum, opening, elections, the voters attested, candidatures, the designation with its wording,
 * information with two presenters, follow-ups, interventions, the early departure, closing, the attachment,
 * signature, distribution and publication — entirely through the desk's visible forms, meeting every refusal of the
 * scenario on the page; the verbale equals the one the API replay of the same steps produces. A mayor, signed in the
 * same way, finds no recording control anywhere.
 */
@ScenarioTest
class DeskBrowserScenarioTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AT_THE_DESK = "collegio-seduta-1-24-browser";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    ChromeDriver clerk;
    ChromeDriver mayor;
    String viaApi;
    String viaBrowser;
    int refusedOnThePage;
    List<String> prevented;

    @BeforeAll
    void recordTwice() throws IOException {
        assumeTrue(Browsers.available(), "Browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver");
        ScenarioFile composition = ScenarioFile.load("s004-collegio-composition.yaml");
        ScenarioFile seduta = ScenarioFile.load("s004-seduta-1-24.yaml");
        SessionReplay replay = new SessionReplay(new Api(port), mongoClient, storeDatabase);
        replay.setUp(composition, null);
        replay.registerPersons(seduta.list("nonMembers"));
        replay.run(seduta.list("steps"), composition);
        viaApi = replay.sessionId;

        clerk = Browsers.desktop();
        Browsers.signIn(clerk, port, "tester");
        int before = replay.rejectionsChecked;
        replay.desk = new BrowserDesk(clerk, port);
        replay.run(SessionReplay.againAtTheDesk(seduta.list("steps"), AT_THE_DESK), composition);
        viaBrowser = replay.sessionId;
        refusedOnThePage = replay.rejectionsChecked - before - replay.preventedByPage.size();
        prevented = replay.preventedByPage;
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("19-desk-published.png"), clerk.getScreenshotAs(OutputType.BYTES));
    }

    @AfterAll
    void quit() {
        for (ChromeDriver driver : new ChromeDriver[]{clerk, mayor}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @Test
    @DisplayName("the verbale recorded in the browser equals the one recorded through the API")
    void sameVerbale() {
        Api api = new Api(port);
        assertThat(viaBrowser).isEqualTo(AT_THE_DESK);
        String fromApi = api.get("/api/sessions/" + viaApi + "/minutes").body().replace(viaApi, "SEDUTA");
        String fromBrowser = api.get("/api/sessions/" + viaBrowser + "/minutes").body().replace(viaBrowser, "SEDUTA");
        assertThat(fromBrowser).isEqualTo(fromApi);
        assertThat(fromBrowser).contains("\"state\":\"PUBLISHED\"", "LEONARDO VIRGILIO, Sindaco di Cremona", "dr. Francesco Lazzari",
                "dalle 14:20 circa («con un ritardo di circa 20 minuti dall’inizio della seduta») alla chiusura",
                "dalle 14:00 alle 15:00 («per impegni precedenti ha lasciato la seduta alle ore 15»)", "collegiodeisindaci@ats-valpadana.it");
    }

    @Test
    @DisplayName("each of the scenario's 17 refusals was either told in Italian on the page or could not be asked for at all")
    void refusals() {
        // what the page cannot offer: a non-member in the roll call, the list of candidates or the named votes; a
        // voter not present among the choices; signing before closing; publishing before signing or twice
        assertThat(prevented).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly(
                "G2 arrival NOT_A_MEMBER",
                "G4 vote VOTER_NOT_MEMBER",
                "G4 vote VOTER_NOT_MEMBER",
                "G4 vote VOTER_NOT_PRESENT",
                "G4 election CANDIDATE_NOT_MEMBER",
                "G12 sign SESSION_NOT_CLOSED",
                "G12 publish MINUTES_NOT_SIGNED",
                "G12 publish ALREADY_PUBLISHED");
        assertThat(refusedOnThePage + prevented.size()).isEqualTo(17);
    }

    @Test
    @DisplayName("a mayor signed in with the form sees no recording control: no desk link, no desk, no form but signing out")
    void mayorRecordsNothing() {
        mayor = Browsers.desktop();
        Browsers.signIn(mayor, port, "mayor");
        assertThat(mayor.findElements(By.id("link-desk"))).isEmpty();
        for (String path : List.of("/web", "/web/desk", "/web/desk/sessions/" + viaBrowser, "/web/sessions/" + viaBrowser,
                "/web/bodies", "/web/albo")) {
            mayor.get("http://localhost:" + port + path);
            List<String> actions = mayor.findElements(By.cssSelector("form")).stream()
                    .filter(f -> "post".equalsIgnoreCase(f.getAttribute("method")))
                    .map(f -> f.getAttribute("action").replace("http://localhost:" + port, "")).toList();
            assertThat(actions).as("forms that send something on %s", path).allMatch("/web/logout"::equals);
            assertThat(mayor.findElements(By.cssSelector("button, input[type=submit]")).stream().map(WebElement::getText))
                    .as("buttons on %s", path).allMatch(text -> !text.startsWith("Registra") && !text.startsWith("Convoca"));
        }
        mayor.get("http://localhost:" + port + "/web/desk/sessions/" + viaBrowser);
        assertThat(mayor.findElement(By.tagName("body")).getText()).doesNotContain("Presenze", "Arriva");
    }
}
