package dev.encore.platform;

import java.util.Arrays;
import java.util.OptionalInt;

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
            return OptionalInt.of(BlobMigration.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        return OptionalInt.empty();
    }
}
