package dev.encore.library.upload;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A minimal clamd client over TCP: {@code zPING} and {@code zINSTREAM} (the file streamed in
 * length-prefixed chunks, never read whole into memory). Every exchange is bounded by the connect
 * timeout and the read timeout (the longest silence from clamd).
 */
final class ClamAvClient {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    ClamAvClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** What clamd said about a file. */
    sealed interface Verdict {
    }

    record Clean() implements Verdict {
    }

    /** A signature matched; {@code signature} is clamd's name for it. */
    record Infected(String signature) implements Verdict {
    }

    /** clamd answered, but with an error (e.g. the stream exceeded its StreamMaxLength). */
    record Failed(String reply) implements Verdict {
    }

    /** Whether clamd answers {@code PONG}. */
    boolean ping() {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return "PONG".equals(reply(socket.getInputStream()));
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * Scans {@code file}.
     *
     * @throws IOException when clamd cannot be reached or stops answering
     */
    Verdict scan(Path file) throws IOException {
        try (Socket socket = connect(); InputStream in = Files.newInputStream(file)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            try {
                for (int read; (read = in.read(buffer)) > 0;) {
                    out.writeInt(read);
                    out.write(buffer, 0, read);
                }
                out.writeInt(0);
                out.flush();
            }
            catch (IOException writeFailed) {
                // clamd closes the stream early when it exceeds StreamMaxLength; its reply says why
            }
            return verdict(reply(socket.getInputStream()));
        }
    }

    static Verdict verdict(String reply) {
        if (reply.equals("stream: OK")) {
            return new Clean();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return new Infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
        }
        return new Failed(reply);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            return socket;
        }
        catch (IOException ex) {
            socket.close();
            throw ex;
        }
    }

    /** One NUL-terminated reply (the {@code z} command prefix), bounded. */
    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b; (b = in.read()) > 0 && reply.size() < MAX_REPLY;) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}
