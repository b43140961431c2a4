package dev.encore.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.util.FileSystemUtils;

/**
 * A real clamd for the test JVM, on a loopback port, loaded with one local signature only (no
 * freshclam, no network): {@link #MARKER} anywhere in a file is "malware". Started once, when the
 * test application's properties are resolved, and stopped with the JVM; a test may stop it to see
 * uploads refused and must {@link #start()} it again.
 */
public final class ClamAvDaemon {

    /** Bytes that clamd here reports as {@link #SIGNATURE}. */
    public static final String MARKER = "ENCORE-TEST-MALWARE-5c1d7e";
    /** The name clamd gives the match (local databases are reported as unofficial). */
    public static final String SIGNATURE = "Encore.Test.Malware.UNOFFICIAL";

    private static final Duration READY = Duration.ofSeconds(60);
    private static final int PORT = freePort();
    private static Process process;
    private static Path dir;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }));
    }

    private ClamAvDaemon() {
    }

    /** Whether clamd is installed here. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/clamd")) || onPath("clamd");
    }

    /** Fails the calling test unless clamd is installed. */
    public static void require() {
        if (!installed()) {
            fail("clamd is not installed; the malware scan tests need it (apt-get install clamav-daemon)");
        }
    }

    /** The port clamd listens on (it is started if it is not running). */
    public static int port() {
        if (installed()) {
            start();
        }
        return PORT;
    }

    /** Starts clamd unless it runs, and waits until it answers PING. */
    public static synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("encore-clamd-");
            }
            Files.createDirectories(dir.resolve("db"));
            Files.writeString(dir.resolve("db/encore.ndb"), "Encore.Test.Malware:0:*:"
                    + HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
            Files.writeString(dir.resolve("clamd.conf"), String.join("\n", "Foreground yes", "TCPSocket " + PORT,
                    "TCPAddr 127.0.0.1", "DatabaseDirectory " + dir.resolve("db"), "LogFile " + dir.resolve("clamd.log"),
                    "PidFile " + dir.resolve("clamd.pid"), ""));
            process = new ProcessBuilder(onPath("clamd") ? "clamd" : "/usr/sbin/clamd", "-c",
                    dir.resolve("clamd.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("clamd.out").toFile()).start();
            try {
                org.awaitility.Awaitility.await().atMost(READY).pollInterval(java.time.Duration.ofMillis(100))
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("clamd stopped; see " + dir.resolve("clamd.out"));
                            }
                            return ping();
                        });
            }
            catch (org.awaitility.core.ConditionTimeoutException | IllegalStateException ex) {
                throw new IllegalStateException("clamd did not start; see " + dir.resolve("clamd.out"), ex);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Stops clamd (uploads then meet an unreachable scanner). */
    public static synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
