package de.amtsraum.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility check of the page a browser shows, with axe-core (npm devDependency of
 * {@code platform/frontend}, MPL-2.0, never shipped): injects {@code node_modules/axe-core/axe.min.js}
 * through WebDriver (DevTools evaluation, not subject to the page's CSP, so no page has to allow
 * inline or foreign script) and runs {@code axe.run} with the WCAG 2.1 A and AA rules.
 *
 * <pre>{@code
 * driver.get(url);
 * Axe.assertAccessible(driver, "admin start page");     // or: List<Axe.Violation> v = Axe.check(driver);
 * }</pre>
 */
public final class Axe {

    /** The axe-core tags checked: WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static String source;

    private Axe() {
    }

    /**
     * One rule the page breaks.
     *
     * @param id      the axe rule id ({@code color-contrast}, {@code label} …)
     * @param impact  minor, moderate, serious or critical
     * @param help    what the rule asks for
     * @param targets CSS selectors of the offending elements
     */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** The WCAG 2.1 A/AA violations of the page the driver shows now (empty when it passes). */
    public static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(axeSource() + "\n;window.axe = window.axe || axe;");
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' '))}))))
                  .catch(e => done({error: String(e)}));
                """, WCAG_21_AA);
        if (result instanceof Map<?, ?> error) {
            throw new IllegalStateException("axe.run failed: " + error.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) item;
            violations.add(new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), ((List<?>) v.get("targets")).stream().map(String::valueOf).toList()));
        }
        return violations;
    }

    /** Fails with every violation listed when the page breaks a WCAG 2.1 A/AA rule axe checks. */
    public static void assertAccessible(WebDriver driver, String page) {
        List<Violation> violations = check(driver);
        assertThat(violations).as(page + " (" + driver.getCurrentUrl() + "):\n"
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static synchronized String axeSource() {
        if (source == null) {
            Path file = List.of(Path.of("frontend/node_modules/axe-core/axe.min.js"),
                            Path.of("platform/frontend/node_modules/axe-core/axe.min.js")).stream()
                    .filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("axe-core missing: run npm ci in platform/frontend"));
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return source;
    }
}
