package it.registro.app.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import it.registro.app.support.Api;

/**
 * The system's headless Chromium, driven through its own chromedriver (nothing is downloaded), as a desktop, a
 * tablet or a phone, and what a person does with it: sign in with the form, press a button, wait for a page.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous: a loaded two-core machine renders a page in seconds, not milliseconds; nothing here measures speed. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private Browsers() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static ChromeDriver desktop() {
        ChromeOptions options = options();
        options.addArguments("--window-size=1200,1600");
        return start(options);
    }

    /** A tablet in the meeting room: 820 CSS pixels wide, touch. */
    static ChromeDriver tablet() {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 820, "height", 1180, "pixelRatio", 1.0, "touch", true)));
        return start(options);
    }

    /** A phone: 390 CSS pixels wide, touch, a mobile user agent (Chromium's device emulation). */
    static ChromeDriver phone() {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 Mobile Safari/537.36"));
        return start(options);
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=it-IT");
        return options;
    }

    private static ChromeDriver start(ChromeOptions options) {
        // the system's driver, named explicitly: Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return driver;
    }

    /** Waits for the page after a form was sent to show a text (the new page, not the old one being left). */
    static void waitForText(ChromeDriver driver, String text) {
        // read by a script, holding no element: a page replaced meanwhile is just read again
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && document.body !== null && document.body.innerText.includes(arguments[0]);", text)));
    }

    /** Clicks as a person does: the element scrolled to the middle of the screen first, clear of the header and footer. */
    static void press(ChromeDriver driver, WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Signs in with the login form; a browser already signed in is sent on by the form and stays as it is. */
    static void signIn(ChromeDriver driver, int port, String user) {
        driver.get("http://localhost:" + port + "/web/login");
        if (driver.findElements(By.id("username")).isEmpty()) {
            waitForText(driver, "Utente: " + user);
            return;
        }
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitForText(driver, "Utente: " + user);
    }
}
