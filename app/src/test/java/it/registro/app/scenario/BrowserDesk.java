package it.registro.app.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A secretariat at the desk in a real browser: for each recording it finds, on the page it is on, the form that
 * sends to that address (for the roll call, the row of that person), fills the form's visible fields as a person
 * does — typing text, picking from lists, ticking each voter's choice — empties what the recording does not say,
 * and presses the form's button. A recording that needs a field the page does not show fails the test; a refusal
 * the page does not even let one ask for (a person not in the list, a form not offered yet) is reported as
 * prevented. Dates and times are set as the date picker sets them: Chromium's pickers take keys segment by segment
 * in the locale's order, which says nothing about the desk.
 */
final class BrowserDesk implements Desk {

    private static final Set<String> PICKERS = Set.of("date", "time", "datetime-local");
    private static final Pattern VOTE = Pattern.compile("votes\\[(\\d+)]\\.(personId|choice)");

    private final ChromeDriver driver;
    private final String base;

    BrowserDesk(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    @Override
    public Answer record(String path, String jsonBody) {
        String page = path.equals("/web/desk/sessions") ? "/web/desk" : path.replaceFirst("^(/web/desk/sessions/[^/]+)/.*$", "$1");
        if (!driver.getCurrentUrl().replaceAll("[?#].*$", "").equals(base + page)) {
            driver.get(base + page);
        }
        Map<String, String> fields = Desk.fields(jsonBody);
        Map<String, String> choices = namedVotes(fields);

        WebElement form = null;
        for (WebElement candidate : driver.findElements(By.cssSelector("form[action='" + path + "']"))) {
            if (hiddenFieldsAgree(candidate, fields)) {
                form = candidate;
                break;
            }
        }
        if (form == null) {
            return Answer.prevented("no form on " + page + " sends " + path + " for " + fields);
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String prevented = fill(form, f.getKey(), f.getValue(), path);
            if (prevented != null) {
                return Answer.prevented(prevented);
            }
        }
        for (Map.Entry<String, String> c : choices.entrySet()) {
            List<WebElement> radio = form.findElements(By.cssSelector("input[type=radio][name='vote." + c.getKey() + "'][value='" + c.getValue() + "']"));
            if (radio.isEmpty()) {
                return Answer.prevented("no choice for " + c.getKey() + " among the voters present");
            }
            Browsers.press(driver, radio.get(0));
        }
        emptyTheRest(form, fields, choices);
        // the page being left is marked, so the answer read is the next page's, fully loaded
        driver.executeScript("window.deskLeft = true;");
        Browsers.press(driver, form.findElement(By.cssSelector("button[type=submit]")));
        new WebDriverWait(driver, Browsers.PATIENCE).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                driver.executeScript("return window.deskLeft === undefined && document.readyState === 'complete';")));
        List<WebElement> problem = driver.findElements(By.id("problem"));
        String source = driver.getPageSource();
        if (!problem.isEmpty()) {
            return new Answer(422, null, source + driver.findElement(By.tagName("body")).getText(), problem.get(0).getAttribute("data-code"));
        }
        return new Answer(302, driver.getCurrentUrl(), source, null);
    }

    /** A form of the roll call is the row of one person: its hidden fields must be what the recording says. */
    private static boolean hiddenFieldsAgree(WebElement form, Map<String, String> fields) {
        for (WebElement hidden : form.findElements(By.cssSelector("input[type=hidden]"))) {
            String name = hidden.getAttribute("name");
            if (fields.containsKey(name) && !fields.get(name).equals(hidden.getAttribute("value"))) {
                return false;
            }
        }
        return true;
    }

    /** Fills one field; answers why the page does not let one ask for the value, or null. */
    private String fill(WebElement form, String name, String value, String path) {
        List<WebElement> found = form.findElements(By.name(name));
        if (found.isEmpty()) {
            throw new AssertionError("The desk has no input for '" + name + "' in the form that sends " + path);
        }
        WebElement input = found.get(0);
        String type = String.valueOf(input.getAttribute("type"));
        if (type.equals("hidden")) {
            return null;    // the form was chosen by it
        }
        reveal(input);
        if (input.getTagName().equals("select")) {
            try {
                new Select(input).selectByValue(value);
            } catch (NoSuchElementException e) {
                return "'" + value + "' is not offered for " + name;
            }
        } else if (PICKERS.contains(type)) {
            setLikeThePicker(input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
        return null;
    }

    /** A field inside a closed "Dettagli" is opened as a person opens it. */
    private void reveal(WebElement input) {
        if (!input.isDisplayed()) {
            WebElement details = (WebElement) driver.executeScript("return arguments[0].closest('details');", input);
            if (details != null) {
                Browsers.press(driver, details.findElement(By.tagName("summary")));
            }
        }
        if (!input.isDisplayed()) {
            throw new AssertionError("The field '" + input.getAttribute("name") + "' is not visible");
        }
    }

    private void setLikeThePicker(WebElement input, String value) {
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    /** What the recording does not say is left blank (times filled in with "now", typed values kept after a refusal). */
    private void emptyTheRest(WebElement form, Map<String, String> fields, Map<String, String> choices) {
        for (WebElement input : form.findElements(By.cssSelector("input, select, textarea"))) {
            String name = input.getAttribute("name");
            String type = String.valueOf(input.getAttribute("type"));
            if (name == null || fields.containsKey(name) || Set.of("hidden", "submit", "file", "radio", "checkbox").contains(type)) {
                if (type.equals("radio") && name.startsWith("vote.") && !choices.containsKey(name.substring(5))
                        && "".equals(input.getAttribute("value")) && !input.isSelected()) {
                    Browsers.press(driver, input);  // "non vota"
                }
                continue;
            }
            if (input.getTagName().equals("select")) {
                Select select = new Select(input);
                if (select.getOptions().stream().anyMatch(o -> "".equals(o.getAttribute("value")))) {
                    select.selectByValue("");
                }
                continue;
            }
            if (!String.valueOf(input.getAttribute("value")).isEmpty()) {
                if (PICKERS.contains(type) || !input.isDisplayed()) {
                    setLikeThePicker(input, "");
                } else {
                    input.clear();
                }
            }
        }
    }

    /** Named votes are one choice per voter on the page: person → choice. */
    private static Map<String, String> namedVotes(Map<String, String> fields) {
        Map<String, String> persons = new LinkedHashMap<>();
        Map<String, String> choices = new LinkedHashMap<>();
        fields.entrySet().removeIf(e -> {
            Matcher m = VOTE.matcher(e.getKey());
            if (!m.matches()) {
                return false;
            }
            (m.group(2).equals("personId") ? persons : choices).put(m.group(1), e.getValue());
            return true;
        });
        Map<String, String> out = new LinkedHashMap<>();
        persons.forEach((i, person) -> out.put(person, choices.get(i)));
        return out;
    }
}
