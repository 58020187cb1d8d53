package io.sigmalang.adapters.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigmalang.adapters.testsupport.Vectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LexiconTest {

    @Test
    void theResourceIsTheSharedSpecFileUnchanged() throws IOException {
        assumeTrue(Vectors.sharedDir().isPresent(), "the shared folder is not beside this checkout");
        byte[] spec = Files.readAllBytes(Vectors.sharedDir().get().resolve("spec/lexicon.json"));
        try (InputStream in = Lexicon.class.getResourceAsStream(Lexicon.RESOURCE)) {
            assertArrayEquals(spec, in.readAllBytes(), "copy shared/spec/lexicon.json into adapters' resources");
        }
    }

    @Test
    void loadsEveryTable() {
        Lexicon lexicon = Lexicon.builtIn();
        assertEquals(80, lexicon.actions().get("create"));
        assertEquals(113, lexicon.structures().get("map"));
        assertEquals(92, lexicon.actions().get("map"));
        assertEquals(16, lexicon.code().get("def"));
        assertEquals(102, lexicon.communication().get("define"));
        assertTrue(lexicon.languages().contains("c++"));
        assertEquals(21, lexicon.languages().size());
    }

    @Test
    void refusesAnUnknownTableAndAnIdOutOfRange() {
        assertThrows(IOException.class, () -> read("{\"emoji_keywords\": {}}"));
        IOException e = assertThrows(IOException.class, () -> read("{\"code_keywords\": {\"loop\": 300}}"));
        assertEquals("lexicon: code_keywords.loop = 300 is not a primitive id (0..255)", e.getMessage());
    }

    private static Lexicon read(String json) throws IOException {
        return Lexicon.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
