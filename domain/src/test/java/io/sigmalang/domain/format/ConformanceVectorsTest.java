package io.sigmalang.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.hash.SigmaHash;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.testing.Vectors;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import io.sigmalang.domain.wire.ByteArraySink;
import io.sigmalang.domain.wire.Crc16;
import io.sigmalang.domain.wire.GlyphReader;
import io.sigmalang.domain.wire.GlyphType;
import io.sigmalang.domain.wire.Glyphs;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Every public vector in the shared conformance folder, read from its file, as one test each. */
class ConformanceVectorsTest {

    @TestFactory
    Stream<DynamicTest> glyphVectorsEncode() {
        return Vectors.lines("glyphs.jsonl").stream().map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            ByteArraySink sink = new ByteArraySink();
            byte[] payload = v.has("payload_hex") ? Vectors.hex(v.get("payload_hex").asText()) : null;
            Glyphs.write(sink, GlyphType.ofCode(v.get("glyph_type").asInt()), v.get("primitive_id").asInt(), payload);
            assertEquals(v.get("hex").asText(), Vectors.hex(sink.toByteArray()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> glyphVectorsRead() {
        return Vectors.lines("glyphs.jsonl").stream().map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            byte[] bytes = Vectors.hex(v.get("hex").asText());
            GlyphReader reader = new GlyphReader(ByteBuffer.wrap(bytes), 0, bytes.length, 0);
            reader.next();
            assertEquals(v.get("glyph_type").asInt(), reader.type().code(), "type");
            assertEquals(v.get("primitive_id").asInt(), reader.id(), "id");
            if (v.has("payload_hex")) {
                assertEquals(v.get("payload_hex").asText(), Vectors.hex(reader.payloadBytes()), "payload");
            } else {
                assertFalse(reader.hasPayload(), "no payload expected");
            }
            assertFalse(reader.hasMore(), "every byte consumed");
        }));
    }

    @TestFactory
    Stream<DynamicTest> streamVectorsEncode() {
        return Vectors.lines("streams.jsonl").stream().map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            assertEquals(0, v.get("context_id").asInt());
            SemanticNode tree = Vectors.tree(v.get("tree"));
            // A fresh encoder's first message is in the full form with context id 0, whatever its settings.
            for (EncoderSettings settings : new EncoderSettings[] {EncoderSettings.defaults(),
                    EncoderSettings.fullFormOnly()}) {
                byte[] stream = new SigmaEncoder(new HeapTestPool(64), settings).encode(SemanticTree.of(tree));
                assertEquals(v.get("hex").asText(), Vectors.hex(stream));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> streamVectorsDecode() {
        return Vectors.lines("streams.jsonl").stream().map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            SemanticNode expected = Vectors.tree(v.get("tree"));
            SemanticTree decoded = new SigmaDecoder().decode(Vectors.hex(v.get("hex").asText()));
            assertEquals(expected, decoded.root());
        }));
    }

    @TestFactory
    Stream<DynamicTest> crcVectors() {
        return Vectors.lines("crc16.jsonl").stream().map(v -> DynamicTest.dynamicTest("crc of '" + v.get("data_hex").asText() + "'", () ->
                assertEquals(v.get("crc16").asInt(), Crc16.of(Vectors.hex(v.get("data_hex").asText())))));
    }

    @TestFactory
    Stream<DynamicTest> sigmaHashVectors() {
        SigmaHash hash = new SigmaHash();
        return Vectors.lines("sigma_hash.jsonl").stream().map(v -> DynamicTest.dynamicTest(v.get("tree").toString()
                .substring(0, Math.min(60, v.get("tree").toString().length())), () -> {
                    JsonNode expected = v.get("sigma_hash");
                    assertEquals(expected.asLong(), Integer.toUnsignedLong(hash.of(Vectors.tree(v.get("tree")))));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFileHasVectors() {
        return Stream.of("glyphs.jsonl", "streams.jsonl", "crc16.jsonl", "sigma_hash.jsonl").map(f ->
                DynamicTest.dynamicTest(f, () -> assertTrue(Vectors.lines(f).size() >= 20, f + " has vectors")));
    }
}
