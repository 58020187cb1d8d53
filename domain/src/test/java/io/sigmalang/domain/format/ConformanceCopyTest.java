package io.sigmalang.domain.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigmalang.domain.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vectors copied into the test resources are the shared ones, unchanged. */
class ConformanceCopyTest {

    @ParameterizedTest
    @ValueSource(strings = {"glyphs.jsonl", "streams.jsonl", "crc16.jsonl", "sigma_hash.jsonl"})
    void theCopyEqualsTheSharedFile(String name) throws Exception {
        Optional<Path> shared = Vectors.sharedDir();
        assumeTrue(shared.isPresent(), "the shared folder is not beside this checkout; nothing to compare");
        assertArrayEquals(Files.readAllBytes(shared.get().resolve("conformance").resolve(name)), Vectors.copy(name),
                name + " in the test resources differs from the shared file");
    }
}
