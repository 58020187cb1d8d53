package io.sigmalang.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears only when the run succeeds. The bytes go to a temporary file in the target's
 * own directory ({@code .NAME.RANDOM.tmp}, so that the final move is a rename within one file system), and
 * {@link #commit()} moves it over the target, atomically where the file system can. {@link #close()} without
 * a commit deletes the temporary file: a run that fails midway leaves the target as it was (absent, or the
 * previous complete file), never a truncated file that looks valid. The temporary file is also deleted when the
 * JVM is stopped by SIGINT or SIGTERM ({@link TemporaryFiles}).
 *
 * <p>Only regular files are written: an existing target that is a directory, a device, a FIFO or a socket is
 * refused before anything is written (replacing it would lose it, or, as root, the system's {@code /dev/null});
 * a symbolic link is followed, and the file it names is replaced, so the link stays. A replaced file keeps its
 * permissions.
 *
 * <p>Standard output ({@code -}) cannot be staged: what was written is gone; {@link #commit()} only flushes.
 */
final class StagedOutput implements AutoCloseable {
    private static final int ATTEMPTS = 8;
    /** The longest file name (one path component) in bytes on the file systems Linux uses (NAME_MAX). */
    static final int NAME_MAX = 255;
    /** {@code .} before the name, {@code .} and up to 13 base-36 digits and {@code .tmp} after. */
    private static final int DECORATION = 1 + 1 + 13 + 4;

    private final String name;
    private final OutputStream stream;
    private final Path target;
    private final Path temporary;
    private boolean finished;
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
     * @throws CliException (exit 74) when {@code name} is an existing file that is not a regular file, or the
     *                      directory cannot take a new file
     */
    static StagedOutput file(String name) {
        Path target = writableTarget(name);
        Path fileName = target.getFileName();
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path temporary = target.resolveSibling(temporaryName(fileName.toString(),
                    Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)));
            try {
                TemporaryFiles.register(temporary);
                OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new StagedOutput(name, new BufferedOutputStream(out, 1 << 16), target, temporary);
            } catch (FileAlreadyExistsException e) {
                TemporaryFiles.forget(temporary);
                last = e;
            } catch (IOException e) {
                TemporaryFiles.forget(temporary);
                Path dir = target.toAbsolutePath().getParent();
                if (e instanceof NoSuchFileException) {
                    throw new CliException(ExitCodes.IO, "cannot write " + name + ": no such directory " + dir, e);
                }
                if (e instanceof AccessDeniedException) {
                    throw new CliException(ExitCodes.IO, "cannot write " + name + ": no permission to create files in "
                            + dir, e);
                }
                throw new CliException(ExitCodes.IO, "cannot write " + name + ": " + BaseCommand.reason(e), e);
            }
        }
        throw new CliException(ExitCodes.IO, "cannot write " + name + ": no free temporary name beside it", last);
    }

    /**
     * The file to replace for the output {@code name}: the name itself, or the file a symbolic link names.
     *
     * @throws CliException (exit 74) when it exists and is not a regular file
     */
    static Path writableTarget(String name) {
        Path target = Path.of(name);
        if (target.getFileName() == null) {
            throw new CliException(ExitCodes.IO, "cannot write " + name + ": not a file name");
        }
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot write " + name + ": a symbolic link to nothing that"
                        + " exists (" + BaseCommand.reason(e) + ")", e);
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException(ExitCodes.IO, "cannot write " + name + ": it exists and is "
                    + (Files.isDirectory(target) ? "a directory" : "not a regular file (a device, FIFO or socket)")
                    + "; sigmalang replaces only regular files (for a device or pipe, write to standard output"
                    + " with -o - and redirect it)");
        }
        return target;
    }

    /**
     * {@code .NAME.RANDOM.tmp}, with NAME cut (at a character boundary) so the whole stays within
     * {@value #NAME_MAX} UTF-8 bytes: any name the file system accepted for the target gets a temporary name.
     */
    static String temporaryName(String fileName, String random) {
        int room = NAME_MAX - DECORATION;
        String kept = fileName;
        if (kept.getBytes(StandardCharsets.UTF_8).length > room) {
            int end = 0;
            int bytes = 0;
            while (end < kept.length()) {
                int cp = kept.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > room) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            kept = kept.substring(0, end);
        }
        return "." + kept + "." + random + ".tmp";
    }

    /** Where to write. Closing it is this object's business. */
    OutputStream stream() {
        return stream;
    }

    /**
     * Writes out what is buffered and closes the temporary file (for standard output: flushes), without moving
     * it yet: several outputs of one input are all finished before any is committed.
     *
     * @throws CliException (exit 74) when the bytes cannot be written
     */
    void finish() {
        if (finished) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + name + ": " + BaseCommand.reason(e), e);
        }
        finished = true;
    }

    /**
     * Finishes the file and moves it into place, with the permissions of the file it replaces (for standard
     * output: flushes).
     *
     * @throws CliException (exit 74) when the bytes cannot be written or the file cannot be moved
     */
    void commit() {
        finish();
        if (temporary != null) {
            try {
                keepPermissions();
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot write " + name + ": " + BaseCommand.reason(e), e);
            }
            TemporaryFiles.forget(temporary);
        }
        done = true;
    }

    private void keepPermissions() throws IOException {
        if (!Files.isRegularFile(target) || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        Files.setPosixFilePermissions(temporary, permissions);
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
        } catch (IOException | RuntimeException e) {
            // The run already failed; the temporary file goes all the same.
        }
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
                TemporaryFiles.forget(temporary);
            } catch (IOException e) {
                // Left behind under its hidden temporary name, never under the target's.
            }
        }
    }
}
