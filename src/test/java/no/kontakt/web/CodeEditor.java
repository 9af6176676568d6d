package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page's YAML editor (CodeMirror), driven as a person does: click into it, Ctrl-F to find a place, keys
 * to type; and read as a person does, by what is on the screen: the line numbers in the margin beside the
 * problem marks, the highlighted line of the caret, the text of a line.
 */
final class CodeEditor {
    private final WebDriver driver;
    private final String id;

    /** The editor whose editable area has this id ({@code script-editor}, {@code setting-editor}). */
    CodeEditor(WebDriver driver, String id) {
        this.driver = driver;
        this.id = id;
    }

    private String root() {
        return ".cm-editor:has(#" + id + ")";
    }

    /** Waits until the editor shows a line holding this text. */
    CodeEditor waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> visibleText().contains(text));
        return this;
    }

    /** The text of the lines the editor has drawn (CodeMirror draws the lines in and near the view). */
    String visibleText() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const root = document.getElementById(arguments[0]);"
                        + " return root ? [...root.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\\n') : '';", id));
    }

    /** Clicks into the text, presses Ctrl-F, types the text, Enter and Escape: the first match after the caret is selected. */
    CodeEditor find(String text) {
        WebElement line = driver.findElement(By.cssSelector(root() + " .cm-line"));
        line.click();
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("f").keyUp(Keys.CONTROL).perform();
        WebElement field = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(root() + " .cm-search input[name=search]")));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> field.equals(d.switchTo().activeElement()));
        new Actions(driver).sendKeys(text).sendKeys(Keys.ENTER).sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
        String selected = String.valueOf(((JavascriptExecutor) driver).executeScript("return String(window.getSelection());"));
        assertThat(selected).as("Ctrl-F found '%s'", text).isEqualTo(text);
        return this;
    }

    /** Puts the caret right after the first match of the text after the caret (found with Ctrl-F, then →). */
    CodeEditor caretAfter(String text) {
        find(text);
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        return this;
    }

    /** Types keys where the caret is. */
    CodeEditor type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** The number of the line the caret is on: the one highlighted in the line-number margin. */
    int caretLine() {
        return Integer.parseInt(driver.findElement(By.cssSelector(root() + " .cm-lineNumbers .cm-activeLineGutter")).getText().trim());
    }

    /**
     * The numbers of the lines that have a problem mark ({@code error} or {@code warning}) in the margin, read from
     * the line number beside each mark, and checked to have the text underlined on that line too.
     */
    @SuppressWarnings("unchecked")
    List<Long> markedLines(String severity) {
        return (List<Long>) ((JavascriptExecutor) driver).executeScript("""
                const root = document.getElementById(arguments[0]).closest('.cm-editor');
                const numbers = [...root.querySelectorAll('.cm-lineNumbers .cm-gutterElement')];
                const lines = [...root.querySelectorAll('.cm-line')];
                const at = (list, top) => list.find((e) => Math.abs(e.getBoundingClientRect().top - top) < 3);
                const out = [];
                for (const mark of root.querySelectorAll('.cm-lint-marker-' + arguments[1])) {
                  const top = mark.closest('.cm-gutterElement').getBoundingClientRect().top;
                  const number = at(numbers, top);
                  const line = at(lines, top);
                  if (number && line && line.querySelector('.cm-lintRange-' + arguments[1])) out.push(Number(number.textContent));
                }
                return out;""", id, severity);
    }

    /** The text of a line, read beside its number in the margin (the line must be drawn: near the caret). */
    String lineText(int number) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("""
                const root = document.getElementById(arguments[0]).closest('.cm-editor');
                const n = [...root.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].find((e) => e.textContent === String(arguments[1]));
                if (!n) return null;
                const top = n.getBoundingClientRect().top;
                const line = [...root.querySelectorAll('.cm-line')].find((e) => Math.abs(e.getBoundingClientRect().top - top) < 3);
                return line ? line.textContent : null;""", id, number));
    }

    /** Points the mouse at the first text underlined for a problem ({@code error} or {@code warning}) and reads the message that appears. */
    String hoverMessage(String severity) {
        WebElement range = driver.findElement(By.cssSelector(root() + " .cm-lintRange-" + severity));
        new Actions(driver).moveToElement(range).perform();
        return new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(root() + " .cm-tooltip-lint"))).getText();
    }
}
