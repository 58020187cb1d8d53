package io.sigmalang.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files of {@link StagedOutput} that exist right now, deleted by a shutdown hook when the JVM is
 * stopped before they were committed or cleaned up: SIGINT (Ctrl-C), SIGTERM, SIGHUP and {@code System.exit} run
 * shutdown hooks; only SIGKILL or a crash of the JVM can leave one behind. A file is registered before it is
 * created and forgotten once moved or deleted, so the hook never deletes a committed file (it would find no
 * file under the temporary name).
 */
final class TemporaryFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TemporaryFiles() {
    }

    static void register(Path temporary) {
        hook();
        LIVE.add(temporary);
    }

    static void forget(Path temporary) {
        LIVE.remove(temporary);
    }

    /** The temporary files not yet committed or deleted (for tests). */
    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    private static void hook() {
        if (hooked) {
            return;
        }
        synchronized (TemporaryFiles.class) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "sigmalang-temporary-files"));
                hooked = true;
            }
        }
    }

    static void deleteAll() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Nothing more can be done while the JVM stops.
            }
            LIVE.remove(p);
        }
    }
}
