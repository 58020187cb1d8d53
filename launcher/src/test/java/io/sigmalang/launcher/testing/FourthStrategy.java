package io.sigmalang.launcher.testing;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs code with the {@code fourth-strategy} class path entry added (as the thread's context class loader, which
 * {@code PoolCatalog.installed()} uses): its {@code META-INF/services} lists {@link UnpooledPoolProvider}. The
 * launcher's main code is the same with and without it.
 */
public final class FourthStrategy {
    private FourthStrategy() {
    }

    public static <T> T installed(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader extended = new URLClassLoader(new URL[] {entry()}, FourthStrategy.class.getClassLoader())) {
            thread.setContextClassLoader(extended);
            return work.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL entry() {
        try {
            return Path.of("target/test-classes/fourth-strategy/").toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
