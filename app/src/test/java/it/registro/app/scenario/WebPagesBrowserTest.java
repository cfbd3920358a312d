package it.registro.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

import com.mongodb.client.MongoClient;

import it.registro.app.poas.ChangeListReplay;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;

/**
 * The web pages in a real browser: the system's headless Chromium, driven through its own
 * chromedriver (nothing is downloaded). Seed 004's session 1/24 and seed 000's POAS are replayed
 * through the API, then each page is opened as a mayor, an auditor or an anonymous visitor, its key
 * facts checked, and a screenshot saved under target/screenshots.
 */
@ScenarioTest
class WebPagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    /** One browser per user: Chromium caches Basic credentials per origin, so users never share one. */
    final java.util.Map<String, ChromeDriver> browsers = new java.util.HashMap<>();
    ChromeDriver browser;
    String sessionId;
    String bodyId;

    @BeforeAll
    void setUp() throws IOException {
        assumeTrue(Browsers.available(),
                "Browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver");
        Api api = new Api(port);
        SessionReplay replay = SessionReplay.collegio(api, mongoClient, storeDatabase, null);
        replay.recordSeduta();
        sessionId = replay.sessionId;
        bodyId = replay.bodyId;
        new ChangeListReplay(api).untilReview().importChangeList().importOrganigram().approve();
        // the approval dates the units through their own read models, asynchronously: wait until the
        // API itself shows the approved chart, so each page is judged on the settled state
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var diff = api.get("/api/units/diff?agency=ASST%20Cremona&from=2022-12-31&to=2023-01-01").json();
            int units = api.get("/api/units/chart?agency=ASST%20Cremona&asOf=2023-01-01").json().get("units").asInt();
            // 17 organigram nodes and 11 existing units, 24 opened and 7 closed by 01/01/2023 (PoasChangeListScenarioTest)
            return diff.get("activated").size() == 4 && diff.get("closed").size() == 4 && units == 17 + 11 - 7 + 24;
        });
        assertThat(api.postJson("/api/audit/verification", "").status()).isEqualTo(200);

        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    @DisplayName("issue 21: on a phone the verbale, its printable page and the albo scroll only downwards, and no badge is cut")
    void phone() throws IOException {
        browser = browsers.computeIfAbsent("phone", u -> Browsers.phone());
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("13-phone-verbale", "/web/sessions/" + sessionId);
        pages.put("14-phone-verbale-printable", "/api/sessions/" + sessionId + "/minutes.html");
        pages.put("15-phone-albo", "/web/albo");
        for (java.util.Map.Entry<String, String> page : pages.entrySet()) {
            browser.get("http://localhost:" + port + page.getValue());
            assertThat(text()).as(page.getValue()).contains("1/24");
            long viewport = ((Number) browser.executeScript("return window.innerWidth;")).longValue();
            long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertThat(viewport).isLessThanOrEqualTo(400);
            assertThat(width).as("%s is %d px wide on a %d px screen", page.getValue(), width, viewport).isLessThanOrEqualTo(viewport);
            @SuppressWarnings("unchecked")
            List<String> cut = (List<String>) browser.executeScript("""
                    const out = [];
                    document.querySelectorAll('.state, .outcome, h1, h2, h3').forEach(e => {
                      const r = e.getBoundingClientRect();
                      if (r.width > 0 && (r.left < 0 || r.right > window.innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)) {
                        out.push(e.textContent.trim());
                      }
                    });
                    return out;""");
            assertThat(cut).as("badges and headings cut on %s", page.getValue()).isEmpty();
            screenshot(page.getKey());
        }
    }

    @Test
    @DisplayName("issue 22: the desk in a browser on a tablet — convene, agenda, roll call, open, a refused vote in Italian — and on a phone")
    void desk() throws IOException {
        browser = browsers.computeIfAbsent("tablet", u -> Browsers.tablet());
        Browsers.signIn(browser, port, "tester");
        Browsers.press(browser, browser.findElement(By.id("link-desk")));
        assertThat(text()).contains("Scrivania della segreteria", "Convoca una seduta");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("convene-bodyId"))).selectByValue(bodyId);
        browser.findElement(By.id("convene-number")).sendKeys("9/24");
        browser.executeScript("document.getElementById('convene-date').value='2024-12-02';"
                + "document.getElementById('convene-scheduledStart').value='14:00';");
        Browsers.press(browser, browser.findElement(By.id("convene-submit")));
        Browsers.waitForText(browser, "Seduta convocata.");
        assertThat(text()).contains("Seduta n. 9/24 del 2 dicembre 2024");
        browser.findElement(By.id("agenda-title")).sendKeys("Comunicazioni del Presidente");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("agenda-kind"))).selectByValue("INFORMATION");
        Browsers.press(browser, browser.findElement(By.id("agenda-submit")));
        Browsers.waitForText(browser, "Comunicazioni del Presidente (comunicazione)");
        // the roll call: each seat's "Arriva" with the time already filled in
        for (int i = 0; i < 4; i++) {
            Browsers.press(browser, browser.findElements(By.xpath("//table[@id='roll-call']//button[text()='Arriva']")).get(i));
            Browsers.waitForText(browser, "presenti " + (i + 1) + " componenti su 6");
        }
        assertThat(browser.findElement(By.id("quorum-now")).getText()).contains("presenti 4 componenti su 6", "numero legale raggiunto");
        Browsers.press(browser, browser.findElement(By.id("open-submit")));
        Browsers.waitForText(browser, "Seduta aperta.");
        assertThat(browser.findElement(By.id("majority-now")).getText()).contains("Con 4 presenti al voto occorrono almeno 3 voti favorevoli");
        // a vote on an information item: refused, in Italian, beside the form
        browser.findElement(By.id("votes-itemNo")).sendKeys("1");
        browser.findElement(By.id("votes-subject")).sendKeys("Presa d'atto");
        Browsers.press(browser, browser.findElement(By.id("votes-submit")));
        Browsers.waitForText(browser, "Su questo punto non si vota (è una comunicazione).");
        screenshot("17-desk-tablet");

        ChromeDriver phone = browsers.computeIfAbsent("phone-desk", u -> Browsers.phone());
        Browsers.signIn(phone, port, "tester");
        phone.get(browser.getCurrentUrl().replaceAll("#.*", ""));   // the refused form's address leads back to the desk
        Browsers.waitForText(phone, "Seduta n. 9/24 del 2 dicembre 2024");
        long viewport = ((Number) phone.executeScript("return window.innerWidth;")).longValue();
        long width = ((Number) phone.executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertThat(width).as("the desk on a phone scrolls only downwards").isLessThanOrEqualTo(viewport);
        Files.write(SCREENSHOTS.resolve("18-desk-phone.png"), phone.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core's serious and critical WCAG 2.1 A/AA violations on the page open in the driver, as "rule: target". */
    @SuppressWarnings("unchecked")
    private static List<String> axeViolations(ChromeDriver driver) throws IOException {
        String axe;
        try (var in = WebPagesBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    @Test
    @DisplayName("issue 22: axe-core finds no serious or critical WCAG 2.1 AA violation on the public pages and the desk")
    void accessibility() throws IOException {
        ChromeDriver anonymous = browsers.computeIfAbsent("anonymous", u -> Browsers.desktop());
        anonymous.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        for (String path : List.of("/web", "/web/albo", "/web/login", "/web/sessions/" + sessionId)) {
            anonymous.get("http://localhost:" + port + path);
            assertThat(axeViolations(anonymous)).as(path).isEmpty();
        }
        ChromeDriver clerk = browsers.computeIfAbsent("tablet", u -> Browsers.tablet());
        clerk.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        Browsers.signIn(clerk, port, "tester");
        for (String path : List.of("/web/desk", "/web/bodies/" + bodyId + "?asOf=2024-10-18", "/web/poas?agency=ASST%20Cremona&asOf=2023-01-01",
                "/web/mandates?agency=ASST%20Cremona&asOf=2023-01-01")) {
            clerk.get("http://localhost:" + port + path);
            assertThat(axeViolations(clerk)).as(path).isEmpty();
        }
        clerk.get("http://localhost:" + port + "/web/desk");
        List<WebElement> sittings = clerk.findElements(By.cssSelector("ul.sittings a"));
        assertThat(sittings).isNotEmpty();
        sittings.get(0).click();
        Browsers.waitForText(clerk, "Presenze");
        assertThat(axeViolations(clerk)).as("the desk of a sitting").isEmpty();
    }

    @AfterAll
    void tearDown() {
        browsers.values().forEach(ChromeDriver::quit);
    }

    /** Opens a page as a user (signed in once with the login form, then by the session cookie) or anonymously (user null). */
    private void open(String user, String path) {
        browser = browsers.computeIfAbsent(user == null ? "anonymous" : user, u -> {
            ChromeDriver driver = Browsers.desktop();
            if (user != null) {
                driver.get("http://localhost:" + port + "/web/login");
                driver.findElement(By.id("username")).sendKeys(user);
                driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
                driver.findElement(By.id("login-submit")).click();
            }
            return driver;
        });
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String id(String elementId) {
        return browser.findElement(By.id(elementId)).getText();
    }

    @Test
    @DisplayName("home, bodies and a body's composition on 18/10/2024, with links that keep the date")
    void bodiesAndComposition() throws IOException {
        open("mayor", "/web/login"); // signed in: the form sends them on
        assertThat(browser.getCurrentUrl()).endsWith("/web");
        assertThat(text()).contains("Registro della governance sanitaria lombarda", "Utente: mayor", "ASST Cremona");
        assertThat(browser.findElements(By.id("link-verification"))).isEmpty();
        screenshot("01-home");
        // the loading state: the pages' script (allowed by the CSP) shows "Caricamento…" once a form is sent
        assertThat(browser.findElement(By.id("loading")).isDisplayed()).isFalse();
        browser.executeScript("document.body.dispatchEvent(new Event('submit', {bubbles: true}));");
        assertThat(browser.findElement(By.id("loading")).isDisplayed()).isTrue();
        assertThat(id("loading")).isEqualTo("Caricamento…");

        open("mayor", "/web/bodies?asOf=2024-10-18");
        WebElement link = browser.findElement(By.cssSelector("#bodies a[href^='/web/bodies/" + bodyId + "?']"));
        assertThat(link.getAttribute("href")).contains("asOf=2024-10-18");
        screenshot("02-bodies");
        link.click();
        assertThat(browser.getCurrentUrl()).contains("/web/bodies/" + bodyId, "asOf=2024-10-18");
        assertThat(id("as-of")).isEqualTo("18 ottobre 2024");
        assertThat(id("members")).isEqualTo("6");
        assertThat(text()).contains("Deliberazione ATS n. 436 del 10/10/2024");
        assertThat(browser.findElements(By.cssSelector("#seats tr"))).hasSizeGreaterThan(6);
        // issue 22 #3: the officers, the rule set and the officers over time, as of that date
        assertThat(browser.findElement(By.id("officers")).getText()).contains("Presidente: Leonardo Virgilio", "Vice Presidente");
        assertThat(browser.findElement(By.id("rule-set")).getText()).contains("maggioranza dei presenti al voto");
        assertThat(browser.findElement(By.id("office-terms")).getText()).contains("LEONARDO VIRGILIO", "in carica", "verbale della seduta");
        screenshot("03-body-composition");

        browser.findElement(By.linkText("Sedute")).click();
        assertThat(browser.getCurrentUrl()).contains("asOf=2024-10-18");
        assertThat(text()).contains("n. 1/24", "18 ottobre 2024", "pubblicato");
        screenshot("04-sessions");
    }

    @Test
    @DisplayName("the verbale of session 1/24: attendance, the two elections 3-0-1 with their outcome, the UPT designation")
    void sessionMinutes() throws IOException {
        open("mayor", "/web/bodies/" + bodyId + "/sessions?asOf=2024-10-18");
        browser.findElement(By.linkText("n. 1/24")).click();
        assertThat(browser.getCurrentUrl()).contains("/web/sessions/" + sessionId, "asOf=2024-10-18");
        assertThat(id("minutes-state")).isEqualTo("pubblicato");
        assertThat(id("session-date")).isEqualTo("18 ottobre 2024");
        List<WebElement> attendance = browser.findElements(By.cssSelector("#attendance tr"));
        assertThat(attendance).hasSize(1 + 6); // header and the six members
        assertThat(attendance.stream().filter(r -> r.getText().contains("presente")).count()).isEqualTo(5);
        assertThat(attendance.stream().filter(r -> r.getText().contains("assente")).count()).isEqualTo(1);

        List<WebElement> elections = browser.findElements(By.cssSelector(".decision[data-kind='ELECTION']"));
        assertThat(elections).hasSize(2);
        assertThat(elections.get(0).getText()).contains("Presidente: LEONARDO VIRGILIO, Sindaco di Cremona",
                "favorevoli 3, contrari 0, astenuti 1", "presenti al voto 4", "Esito: eletto", "«PRESIDENTE ELETTO»",
                "maggioranza dei presenti al voto");
        assertThat(elections.get(1).getText()).contains("Vice Presidente: AURO CODIFAVA", "favorevoli 3, contrari 0, astenuti 1",
                "«VICE PRESIDENTE ELETTO»");
        assertThat(browser.findElements(By.cssSelector(".decision[data-kind='ELECTION'] .outcome.passed"))).hasSize(2);
        assertThat(browser.findElement(By.id("chairs")).getText()).contains("Presiede Leonardo Virgilio (Presidente) dalle 14:10 alle 15:00");
        assertThat(browser.findElement(By.id("quorum")).getText()).contains("presenti 4 componenti su 6 (ne occorrono 4)");
        assertThat(text()).contains("Il Sindaco Capucci ritiene il tema importante", "Ida Maria Ada Ramponi — il Direttore Generale dell’ATS")
                .doesNotContain("MAJORITY_OF", "PASSED", "null");
        assertThat(browser.findElement(By.id("designations")).getText())
                .contains("Responsabile Ufficio di Pubblica Tutela (UPT), ATS Val Padana", "dr. Francesco Lazzari",
                        "in attesa di ratifica");
        screenshot("05-session-minutes");

        // published minutes are public, as on an albo
        open(null, "/web/sessions/" + sessionId);
        assertThat(text()).contains("Accesso pubblico", "LEONARDO VIRGILIO", "favorevoli 3, contrari 0, astenuti 1");
        screenshot("06-session-minutes-anonymous");
    }

    @Test
    @DisplayName("the POAS org chart on 01/01/2023 as a tree: the Dipartimento Emergenza-Urgenza holds SC 30102")
    void orgChart() throws IOException {
        open("mayor", "/web/units/chart?agency=ASST%20Cremona&asOf=2023-01-01");
        assertThat(id("as-of")).isEqualTo("1 gennaio 2023");
        assertThat(Integer.parseInt(id("unit-count"))).isGreaterThan(40);
        WebElement department = browser.findElements(By.cssSelector("#chart li")).stream()
                .filter(li -> li.findElement(By.cssSelector(":scope > span.unit")).getText().contains("DIPARTIMENTO AREA EMERGENZA - URGENZA"))
                .findFirst().orElseThrow();
        List<String> children = department.findElements(By.cssSelector(":scope > ul > li > span.unit > strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(children).contains("SC 30102", "SC 30101", "SS 30102");
        screenshot("07-org-chart-2023-01-01");

        // issue 22 #3: the POAS in force that day and its approval chain
        open("mayor", "/web/poas?agency=ASST%20Cremona&asOf=2023-01-01");
        assertThat(browser.findElements(By.cssSelector("#poas-chain tr"))).hasSizeGreaterThan(2);
        assertThat(id("poas-version")).startsWith("Versione ");
        assertThat(text()).contains("Catena di approvazione", "Approvazione");
        screenshot("07b-poas-chain");
    }

    @Test
    @DisplayName("the diff 31/12/2022 → 01/01/2023: four activations and four closures, each linked to its act page")
    void orgChartDiff() throws IOException {
        open("mayor", "/web/units/diff?agency=ASST%20Cremona&from=2022-12-31&to=2023-01-01");
        List<WebElement> activated = browser.findElements(By.cssSelector("#activated tr")).stream().skip(1).toList();
        List<WebElement> closed = browser.findElements(By.cssSelector("#closed tr")).stream().skip(1).toList();
        assertThat(activated.stream().map(r -> r.findElement(By.tagName("td")).getText()))
                .satisfiesExactly(a -> assertThat(a).startsWith("SC 10906"), a -> assertThat(a).startsWith("SSD 22602"),
                        a -> assertThat(a).startsWith("SC 50102"), a -> assertThat(a).startsWith("SC 63102"));
        assertThat(closed.stream().map(r -> r.findElement(By.tagName("td")).getText()))
                .satisfiesExactly(a -> assertThat(a).startsWith("SSD 10905"), a -> assertThat(a).startsWith("SS 22601"),
                        a -> assertThat(a).startsWith("SS 50101"), a -> assertThat(a).startsWith("SS 63101"));
        for (WebElement row : concat(activated, closed)) {
            assertThat(row.findElement(By.cssSelector("a.act")).getAttribute("href")).contains("/web/acts/", "asOf=2023-01-01");
        }
        screenshot("08-org-chart-diff");

        WebElement act = activated.get(0).findElement(By.cssSelector("a.act"));
        // the link reads as a reader names the act; its address carries the id
        assertThat(act.getText()).isEqualTo("Decreto n. 279/2022 — Direttore Generale ASST Cremona");
        String actId = act.getAttribute("href").replaceAll(".*/web/acts/([^?]+).*", "$1");
        act.click();
        assertThat(browser.getCurrentUrl()).contains("/web/acts/" + actId, "asOf=2023-01-01");
        assertThat(text()).contains(actId, "Catena degli atti");
        assertThat(id("act-state")).isNotBlank();
        screenshot("09-act");
    }

    @Test
    @DisplayName("auditors see a unit's history and the latest verification; a mayor is refused with an explaining page")
    void auditPages() throws IOException {
        open("auditor", "/web/audit/verification");
        assertThat(id("verification-result")).isEqualTo("Integro: nessuna alterazione");
        assertThat(Long.parseLong(id("ledger-size"))).isPositive();
        screenshot("10-verification");

        open("auditor", "/web/units/chart?agency=ASST%20Cremona&asOf=2023-01-01");
        screenshot("11-auditor-org-chart");
        browser.findElements(By.cssSelector("#chart span.unit")).stream().filter(s -> s.getText().contains("SC 30102"))
                .findFirst().orElseThrow().findElement(By.linkText("storia")).click();
        assertThat(browser.getCurrentUrl()).contains("/web/audit/unit-", "asOf=2023-01-01");
        assertThat(Integer.parseInt(id("event-count"))).isPositive();
        assertThat(browser.findElement(By.id("unit-trail")).getText()).contains("tester");
        screenshot("12-unit-trail");

        open("auditor", "/web/audit/" + sessionId);
        assertThat(text()).contains("SessionConvened");
        screenshot("13-session-trail");

        open("mayor", "/web/audit/verification");
        assertThat(text()).contains("Accesso negato", "riservate a revisori e amministratori");
        screenshot("13b-forbidden-for-mayor");
    }

    @Test
    @DisplayName("error pages explain the problem; an empty list says so")
    void errorsAndEmptyStates() throws IOException {
        open("mayor", "/web/bodies/no-such-body?asOf=2024-10-18");
        assertThat(text()).contains("Non trovato", "Nessun organo è registrato con questo identificativo");
        screenshot("14-not-found");
        open("mayor", "/web/bodies/" + bodyId + "?asOf=18-10-2024");
        assertThat(text()).contains("Data non valida", "«18-10-2024»", "AAAA-MM-GG");
        screenshot("15-bad-date");
        open("mayor", "/web/units/diff?agency=ASST%20Cremona&from=2023-01-01&to=2022-12-31");
        assertThat(text()).contains("La data finale precede quella iniziale");
        open("mayor", "/web/bodies/giunta-regionale-lombardia/sessions");
        assertThat(id("no-sessions")).isEqualTo("Nessuna seduta registrata.");
        screenshot("16-empty-sessions");
    }

    @Test
    @DisplayName("on a phone-sized screen the verbale, the org chart and the diff fit the width (wide tables scroll by themselves)")
    void phoneWidth() throws IOException {
        open("mayor", "/web");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String[] p : new String[][]{{"/web/sessions/" + sessionId + "?asOf=2024-10-18", "17-phone-session"},
                    {"/web/units/chart?agency=ASST%20Cremona&asOf=2023-01-01", "18-phone-org-chart"},
                    {"/web/units/diff?agency=ASST%20Cremona&from=2022-12-31&to=2023-01-01", "19-phone-diff"}}) {
                open("mayor", p[0]);
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as(p[0]).isLessThanOrEqualTo(0);
                screenshot(p[1]);
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1600));
        }
    }

    private static List<WebElement> concat(List<WebElement> a, List<WebElement> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
