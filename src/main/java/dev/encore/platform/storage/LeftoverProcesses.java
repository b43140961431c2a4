package dev.encore.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tools (ffmpeg, yt-dlp) that a previous process of this node left working in its staging area.
 * Encore ends its tools itself on every way out it sees, but a process killed outright
 * ({@code kill -9}, the OOM killer) takes nobody with it: its tools are re-parented and run on,
 * writing into directories the next start clears and, for a job run again under the same id, into
 * the new attempt's directory beside the new ffmpeg. A tool is recognised by its working
 * directory, which every run of a tool gets inside its attempt's directory; only processes of
 * this user can be read, and this process's own children are never touched.
 *
 * <p>Linux only ({@code /proc/<pid>/cwd}): elsewhere nothing is found. Written by hand because
 * {@link ProcessHandle.Info} tells a process's command but not its working directory.
 */
final class LeftoverProcesses {

    private static final Path PROC = Path.of("/proc");
    private static final long GRACE_MS = 2_000;

    private LeftoverProcesses() {
    }

    /** Kills every process (and its descendants) working inside {@code root}; returns how many were found. */
    static int stop(Path root) {
        List<ProcessHandle> found = find(root);
        for (ProcessHandle handle : found) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : found) {
            try {
                handle.onExit().get(GRACE_MS, TimeUnit.MILLISECONDS); // gone before its directory is deleted
            }
            catch (Exception notYet) {
                // a process that ignores SIGKILL is in the kernel's hands (uninterruptible I/O)
            }
        }
        return found.size();
    }

    static List<ProcessHandle> find(Path root) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return List.of();
        }
        ProcessHandle self = ProcessHandle.current();
        Set<Long> own = self.descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(handle -> handle.pid() != self.pid() && !own.contains(handle.pid()))
                .filter(handle -> worksInside(handle.pid(), root)).forEach(found::add);
        return found;
    }

    private static boolean worksInside(long pid, Path root) {
        try {
            // a deleted directory reads as "<path> (deleted)", which still starts with the root
            String cwd = Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd")).toString();
            return cwd.startsWith(root + "/");
        }
        catch (IOException | SecurityException unreadable) {
            return false; // another user's process, or one that ended meanwhile
        }
    }
}
