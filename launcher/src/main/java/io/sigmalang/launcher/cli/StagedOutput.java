package io.sigmalang.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears only when the run succeeds. The bytes go to a temporary file in the target's
 * own directory ({@code .NAME.RANDOM.tmp}, so that the final move is a rename within one file system), and
 * {@link #commit()} moves it over the target, atomically where the file system can. {@link #close()} without
 * a commit deletes the temporary file: a run that fails midway leaves the target as it was (absent, or the
 * previous complete file), never a truncated file that looks valid.
 *
 * <p>Standard output ({@code -}) cannot be staged: what was written is gone; {@link #commit()} only flushes.
 */
final class StagedOutput implements AutoCloseable {
    private static final int ATTEMPTS = 8;

    private final String name;
    private final OutputStream stream;
    private final Path target;
    private final Path temporary;
    private boolean done;

    private StagedOutput(String name, OutputStream stream, Path target, Path temporary) {
        this.name = name;
        this.stream = stream;
        this.target = target;
        this.temporary = temporary;
    }

    /** Standard output: written as it comes, never staged. */
    static StagedOutput standardOutput(OutputStream stdout) {
        return new StagedOutput("-", stdout, null, null);
    }

    /**
     * A new temporary file beside {@code name}, buffered.
     *
     * @throws CliException (exit 74) when the directory cannot take a new file
     */
    static StagedOutput file(String name) {
        Path target = Path.of(name);
        Path fileName = target.getFileName();
        if (fileName == null) {
            throw new CliException(ExitCodes.IO, "cannot write " + name + ": not a file name");
        }
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path temporary = target.resolveSibling("." + fileName + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new StagedOutput(name, new BufferedOutputStream(out, 1 << 16), target, temporary);
            } catch (FileAlreadyExistsException e) {
                last = e;
            } catch (NoSuchFileException e) {
                Path dir = target.toAbsolutePath().getParent();
                throw new CliException(ExitCodes.IO, "cannot write " + name + ": no such directory " + dir, e);
            } catch (AccessDeniedException e) {
                Path dir = target.toAbsolutePath().getParent();
                throw new CliException(ExitCodes.IO, "cannot write " + name + ": no permission to create files in "
                        + dir, e);
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot write " + name + ": " + BaseCommand.reason(e), e);
            }
        }
        throw new CliException(ExitCodes.IO, "cannot write " + name + ": no free temporary name beside it", last);
    }

    /** Where to write. Closing it is this object's business. */
    OutputStream stream() {
        return stream;
    }

    /**
     * Finishes the file and moves it into place (for standard output: flushes).
     *
     * @throws CliException (exit 74) when the bytes cannot be written or the file cannot be moved
     */
    void commit() {
        try {
            stream.close();
            if (temporary != null) {
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + name + ": " + BaseCommand.reason(e), e);
        }
        done = true;
    }

    /** After a commit, nothing; otherwise closes the stream and deletes the temporary file. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException e) {
            // The run already failed; the temporary file goes all the same.
        }
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // Left behind under its hidden temporary name, never under the target's.
            }
        }
    }
}
