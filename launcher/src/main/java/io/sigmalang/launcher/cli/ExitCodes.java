package io.sigmalang.launcher.cli;

/** The CLI's exit codes, from BSD sysexits where one fits. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A usage or configuration error: a wrong option, value or configuration key. */
    public static final int USAGE = 2;
    /** Bad input data: malformed text, tree JSON, container or stream (EX_DATAERR). */
    public static final int DATA = 65;
    /** An internal error, a bug (EX_SOFTWARE). */
    public static final int SOFTWARE = 70;
    /**
     * The JVM ran out of memory (EX_OSERR, a system resource ran out): the heap is too small for the input, or
     * a limit is set too high for it.
     */
    public static final int OUT_OF_MEMORY = 71;
    /** A file could not be read or written (EX_IOERR). */
    public static final int IO = 74;

    private ExitCodes() {
    }
}
