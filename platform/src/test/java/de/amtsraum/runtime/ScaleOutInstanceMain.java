package de.amtsraum.runtime;

import de.amtsraum.support.PlatformInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * A platform instance in a JVM of its own, for {@link ScaleOutIT}, which kills it with SIGKILL. Runs
 * on the test classpath, so the test profile and {@code amtsraum.test.clock} apply. Arguments: the
 * file to write the HTTP port to once started, then {@code key=value} properties.
 */
public final class ScaleOutInstanceMain {

    private ScaleOutInstanceMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            properties.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        PlatformInstance instance = PlatformInstance.start(properties);
        int port = ((WebServerApplicationContext) instance.context()).getWebServer().getPort();
        Path portFile = Path.of(args[0]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(port));
        Files.move(written, portFile);
        // Tomcat's threads keep the JVM alive until it is killed.
    }
}
