package io.sigmalang.adapters.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.json.TreeJsonException;
import io.sigmalang.domain.tree.SemanticNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The tree JSON reader under fuzzed documents: a tree or a {@link TreeJsonException}, nothing else; and a tree it
 * reads, written back, reads as the same tree.
 */
class TreeJsonFuzzTest {
    private static final TreeJson JSON = new TreeJson();

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void readsOrRefusesAndWhatItReadsRoundTrips(byte[] document) throws IOException {
        SemanticNode tree;
        try {
            tree = JSON.read(new ByteArrayInputStream(document));
        } catch (TreeJsonException e) {
            return;
        }
        assertEquals(tree, JSON.read(JSON.write(tree)));
    }
}
