package io.sigmalang.pool.offheap;

/**
 * What the off-heap pool needs from the JVM, said in words on a JVM that lacks it.
 *
 * <p>The rest of this module is Java 25 bytecode (the FFM API is final since Java 22, and the module targets 25),
 * so on an older JVM loading {@link OffHeapBufferPool} fails with an {@link UnsupportedClassVersionError} that only
 * names class-file versions. This class alone is compiled for Java 17 (see the module's pom), so it loads on any
 * JVM a sigmalang user may have: call {@link #check()} before the first use of the pool (a strategy provider
 * found by {@code ServiceLoader} does), or run it to ask the JVM at hand:
 * {@code java -cp sigmalang-pool-offheap-<version>.jar io.sigmalang.pool.offheap.OffHeapRequirement}.
 * It must not refer to any other class of this module.
 */
public final class OffHeapRequirement {
    /** The Java feature release the off-heap pool's classes are compiled for. */
    public static final int JAVA_FEATURE = 25;

    private OffHeapRequirement() {
    }

    /**
     * Returns normally on Java 25 and newer.
     *
     * @throws UnsupportedOperationException on an older JVM, with a message naming what is needed
     */
    public static void check() {
        String problem = problem(Runtime.version().feature(), System.getProperty("java.version"),
                System.getProperty("java.home"));
        if (problem != null) {
            throw new UnsupportedOperationException(problem);
        }
    }

    /** The one-line explanation for a JVM of {@code feature}, or null when it can run the pool. */
    static String problem(int feature, String version, String home) {
        if (feature >= JAVA_FEATURE) {
            return null;
        }
        return "sigmalang-pool-offheap needs Java " + JAVA_FEATURE + " or newer (it keeps its buffers in native "
                + "memory through the FFM API), but this JVM is Java " + version + " (" + home + "); run on Java "
                + JAVA_FEATURE + ", or use sigmalang-pool-fixed or sigmalang-pool-adaptive, which run on Java 21";
    }

    /** Prints whether this JVM can run the off-heap pool; exit status 0 if it can, 1 if not. */
    public static void main(String[] args) {
        try {
            check();
            System.out.println("ok: Java " + System.getProperty("java.version") + " runs sigmalang-pool-offheap");
        } catch (UnsupportedOperationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
