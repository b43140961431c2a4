package dev.encore.platform;

import java.util.Arrays;
import java.util.OptionalInt;

import org.springframework.aot.AotDetector;

import dev.encore.platform.storage.BlobMigration;

/**
 * Commands the packaged jar runs instead of the server, chosen by its first argument:
 * {@code migrate-blobs} copies a local blob store into a bucket ({@code docs/storage.md}).
 */
public final class Commands {

    private Commands() {
    }

    /**
     * Runs the command {@code args} name, with the rest as its settings.
     *
     * @return its exit code; empty when {@code args} start the server
     */
    public static OptionalInt run(String[] args) {
        if (args.length > 0 && BlobMigration.COMMAND.equals(args[0])) {
            // A command reads the server's settings in a small context of its own, made the plain way:
            // with -Dspring.aot.enabled=true (an operator's JVM line may carry it) Spring would fill
            // that context with the server's whole ahead-of-time bean set, which it finds by the main
            // class, and the command would fail on the web beans it has no server for.
            System.clearProperty(AotDetector.AOT_ENABLED);
            return OptionalInt.of(BlobMigration.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        return OptionalInt.empty();
    }
}
