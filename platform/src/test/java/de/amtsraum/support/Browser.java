package de.amtsraum.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by its chromedriver: no browser download, no network but
 * loopback. Without chromium the browser tests are skipped locally; CI sets
 * {@code AMTSRAUM_REQUIRE_BROWSER=true} (and installs chromium), where a missing browser fails.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() throws Exception {
        return start(true);
    }

    /** With {@code javaScript} false, as a citizen whose browser runs no scripts (noscript content shows). */
    public static ChromeDriver start(boolean javaScript) throws Exception {
        return start(javaScript, false);
    }

    /**
     * For the video room: chromium's fake camera (a moving test pattern) and microphone (a beep),
     * camera/microphone permission granted without a prompt, media playing without a user gesture,
     * WebRTC allowed on loopback with plain (not mDNS) host candidates, since the test LiveKit server
     * listens on 127.0.0.1 only; and the DevTools network log (every request, WebSocket included,
     * readable as {@code performance} log entries).
     */
    public static ChromeDriver startWithMedia() throws Exception {
        return start(true, true);
    }

    private static ChromeDriver start(boolean javaScript, boolean media) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if ("true".equals(System.getenv("AMTSRAUM_REQUIRE_BROWSER"))) {
            if (!present) {
                throw new IllegalStateException("chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
            }
        } else {
            Assumptions.assumeTrue(present, "chromium/chromedriver not installed: browser test skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1280,2600", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // Console messages (CSP violations among them) readable through manage().logs().
        options.setCapability("goog:loggingPrefs", media ? java.util.Map.of("browser", "ALL", "performance", "ALL")
                : java.util.Map.of("browser", "ALL"));
        if (media) {
            options.addArguments("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required", "--allow-loopback-in-peer-connection",
                    "--disable-features=WebRtcHideLocalIpsWithMdns");
        }
        if (!javaScript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
