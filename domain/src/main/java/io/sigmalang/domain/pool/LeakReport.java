package io.sigmalang.domain.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * One lease that was leaked (became unreachable without release) or, in a strict pool's close(), is still
 * open.
 *
 * @param pool        the pool's name
 * @param leaked      {@code true} for a lease found unreachable, {@code false} for one still open at close
 * @param acquireSite the call stack at acquire, starting with the caller of {@link BufferPool#acquire()}
 *                    (the pool's own frames left out); empty when it was not recorded
 */
public record LeakReport(String pool, boolean leaked, List<StackTraceElement> acquireSite) {

    public LeakReport {
        PoolChecks.notNull("pool", pool);
        acquireSite = List.copyOf(acquireSite);
    }

    /** A multi-line description for logs: what happened, then the acquire site. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add(leaked
                ? "pool '" + pool + "': a lease became unreachable without being released (leak)"
                : "pool '" + pool + "': a lease is still open");
        if (acquireSite.isEmpty()) {
            lines.add("\tacquire site not recorded");
        } else {
            lines.add("\tacquired at:");
            for (StackTraceElement frame : acquireSite) {
                lines.add("\t\tat " + frame);
            }
        }
        return String.join(System.lineSeparator(), lines);
    }
}
