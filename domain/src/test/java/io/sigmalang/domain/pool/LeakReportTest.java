package io.sigmalang.domain.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeakReportTest {

    @Test
    void aReportSaysWhatHappenedAndWhere() {
        StackTraceElement frame = new StackTraceElement("com.example.Handler", "handle", "Handler.java", 42);
        String text = new LeakReport("fixed", true, List.of(frame)).describe();
        assertEquals(String.join(System.lineSeparator(),
                "pool 'fixed': a lease became unreachable without being released (leak)",
                "\tacquired at:",
                "\t\tat com.example.Handler.handle(Handler.java:42)"), text);
    }

    @Test
    void anOpenLeaseWithoutASiteSaysSo() {
        String text = new LeakReport("adaptive", false, List.of()).describe();
        assertTrue(text.startsWith("pool 'adaptive': a lease is still open"), text);
        assertTrue(text.endsWith("acquire site not recorded"), text);
    }
}
