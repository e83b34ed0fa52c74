package de.amtsraum.support;

import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real {@code livekit-server} (Go, {@code go install github.com/livekit/livekit-server/cmd/server@v1.13.5})
 * on 127.0.0.1 for integration tests: fresh API key and secret per instance, random free ports for
 * signalling (HTTP/WebSocket), ICE/TCP and a small UDP range, {@code room.auto_create: false}, no TURN,
 * and LiveKit's webhook pointed at the platform under test.
 *
 * <p>The binary is {@code $AMTSRAUM_LIVEKIT_SERVER}, else {@code $(go env GOPATH)/bin/server}, else
 * {@code ~/go/bin/server}. Without it the tests are skipped locally; CI sets
 * {@code AMTSRAUM_REQUIRE_LIVEKIT=true} (and installs it), where a missing binary fails.
 *
 * <p>Use: {@link #prepare()} before the Spring context starts (its URL and keys go into the
 * platform's properties), {@link #start(String)} once the platform's port is known (for the webhook
 * URL), {@link #close()} after the tests.
 */
public final class LiveKitServer implements AutoCloseable {

    private static final String GO_INSTALL = "go install github.com/livekit/livekit-server/cmd/server@v1.13.5";
    private static final int UDP_PORTS = 10;

    private final Path binary;
    private final String apiKey;
    private final String apiSecret;
    private final int port;
    private int tcpPort;
    private int udpStart;
    private Path directory;
    private Process process;

    private LiveKitServer(Path binary) {
        this.binary = binary;
        SecureRandom random = new SecureRandom();
        this.apiKey = "test" + HexFormat.of().formatHex(bytes(random, 6));
        this.apiSecret = HexFormat.of().formatHex(bytes(random, 32));
        this.port = freeTcpPort();
    }

    /** The binary, or empty when none is installed. */
    public static Optional<Path> binary() {
        String configured = System.getenv("AMTSRAUM_LIVEKIT_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Optional<Path> fromGo = goPath().map(gopath -> gopath.resolve("bin/server")).filter(Files::isExecutable);
        if (fromGo.isPresent()) {
            return fromGo;
        }
        return Optional.of(Path.of(System.getProperty("user.home"), "go", "bin", "server")).filter(Files::isExecutable);
    }

    /**
     * A server with keys and ports chosen, not yet started. Skips the calling test (JUnit assumption)
     * when no binary is installed, unless {@code AMTSRAUM_REQUIRE_LIVEKIT=true}, where it fails.
     */
    public static LiveKitServer prepare() {
        Optional<Path> binary = binary();
        if ("true".equals(System.getenv("AMTSRAUM_REQUIRE_LIVEKIT"))) {
            if (binary.isEmpty()) {
                throw new IllegalStateException("livekit-server is required: " + GO_INSTALL
                        + " (or set AMTSRAUM_LIVEKIT_SERVER to the binary)");
            }
        } else {
            Assumptions.assumeTrue(binary.isPresent(), "livekit-server not installed (" + GO_INSTALL + "): test skipped");
        }
        return new LiveKitServer(binary.orElseThrow());
    }

    /** HTTP base URL (RoomService, {@code /rtc/validate}); clients use the same with {@code ws}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String apiKey() {
        return apiKey;
    }

    public String apiSecret() {
        return apiSecret;
    }

    /**
     * Points the platform under test at the server (URL, API key and secret), for a
     * {@code @DynamicPropertySource}; the supplier is asked only when the context starts, after
     * {@link #prepare()} in {@code @BeforeAll}.
     */
    public static void register(DynamicPropertyRegistry registry, Supplier<LiveKitServer> server) {
        registry.add("amtsraum.livekit.url", () -> server.get().url());
        registry.add("amtsraum.livekit.api-key", () -> server.get().apiKey());
        registry.add("amtsraum.livekit.api-secret", () -> server.get().apiSecret());
    }

    /** Starts the server (once) with its webhook pointed at the platform listening on {@code platformPort}. */
    public LiveKitServer startFor(int platformPort) throws IOException, InterruptedException {
        return start("http://127.0.0.1:" + platformPort + "/api/v1/livekit/webhook");
    }

    /** LiveKit's RoomService as an administrator sees it (to check what the platform did). */
    public RoomServiceClient roomService() {
        return RoomServiceClient.createClient(url(), apiKey, apiSecret);
    }

    /**
     * An {@code Authorization} header for a webhook body as LiveKit signs it: a JWT with the API key
     * as issuer, HMAC with {@code secret}, and the Base64 SHA-256 of the body in its {@code sha256} claim.
     */
    public String webhookAuthorization(String body, String secret) {
        try {
            io.livekit.server.AccessToken token = new io.livekit.server.AccessToken(apiKey, secret);
            token.setSha256(java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
            token.setTtl(Duration.ofMinutes(5).toMillis());
            return token.toJwt();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server and waits until it answers; {@code webhookUrl} receives LiveKit's webhooks. */
    public synchronized LiveKitServer start(String webhookUrl) throws IOException, InterruptedException {
        if (process != null) {
            return this;
        }
        // The media ports are chosen only now, right before the start (the signalling port had to be
        // known earlier, for the platform's properties).
        do {
            tcpPort = freeTcpPort();
        } while (tcpPort == port);
        udpStart = freeUdpRange(UDP_PORTS);
        directory = Files.createTempDirectory("livekit-test");
        Path config = directory.resolve("livekit.yaml");
        Files.writeString(config, config(webhookUrl), StandardCharsets.UTF_8);
        Path logFile = directory.resolve("livekit.log");
        Instant started = Instant.now();
        process = new ProcessBuilder(binary.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = started.plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("livekit-server exited with " + process.exitValue() + ":\n" + tail(logFile));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/"))
                        .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.println("livekit-server ready on " + url() + " after "
                            + Duration.between(started, Instant.now()).toMillis() + " ms");
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("livekit-server did not answer within 60 s:\n" + tail(logFile));
    }

    /** The server's log so far (for diagnosing a failed test). */
    public String log() {
        return directory == null ? "" : tail(directory.resolve("livekit.log"));
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // temporary directory; the OS cleans up
            }
            directory = null;
        }
    }

    private String config(String webhookUrl) {
        return String.join("\n",
                "port: " + port,
                "bind_addresses:",
                "  - 127.0.0.1",
                "rtc:",
                "  tcp_port: " + tcpPort,
                "  port_range_start: " + udpStart,
                "  port_range_end: " + (udpStart + UDP_PORTS - 1),
                "  use_external_ip: false",
                "  node_ip: 127.0.0.1",
                "  enable_loopback_candidate: true",
                "  ips:",
                "    includes:",
                "      - 127.0.0.1/32",
                "keys:",
                "  " + apiKey + ": " + apiSecret,
                "room:",
                "  auto_create: false",
                "  empty_timeout: 60",
                "  departure_timeout: 10",
                "turn:",
                "  enabled: false",
                "webhook:",
                "  api_key: " + apiKey,
                "  urls:",
                "    - " + webhookUrl,
                "logging:",
                "  level: info",
                "  json: false",
                "");
    }

    private static Optional<Path> goPath() {
        try {
            Process go = new ProcessBuilder("go", "env", "GOPATH").redirectErrorStream(true).start();
            String out = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (go.waitFor(20, TimeUnit.SECONDS) && go.exitValue() == 0 && !out.isEmpty()) {
                return Optional.of(Path.of(out.split(":")[0]));
            }
        } catch (IOException e) {
            // no Go on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of {@code count} consecutive UDP ports that are free right now. */
    private static int freeUdpRange(int count) {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = 40000 + random.nextInt(20000);
            boolean free = true;
            for (int p = start; p < start + count && free; p++) {
                try (DatagramSocket socket = new DatagramSocket(p, InetAddress.getLoopbackAddress())) {
                    // free
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return start;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports found");
    }
}
