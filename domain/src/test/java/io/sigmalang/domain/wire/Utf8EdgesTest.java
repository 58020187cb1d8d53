package io.sigmalang.domain.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.format.MalformedStreamException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UTF-8 at the exact edges of every sequence length (RFC 3629, table 3-7 of the Unicode standard), against the
 * JDK's own encoder as the oracle for the valid ones. The payload sits at index 3 of a buffer whose stream starts
 * at index 1, so every offset is checked relative to the stream, not the buffer.
 */
class Utf8EdgesTest {
    private static final int FROM = 3;
    private static final int BASE = 1;

    private static ByteBuffer padded(byte[] payload) {
        byte[] b = new byte[FROM + payload.length + 2];
        System.arraycopy(payload, 0, b, FROM, payload.length);
        return ByteBuffer.wrap(b);
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "0000, 00", "007F, 7f",
        "0080, c280", "07FF, dfbf",
        "0800, e0a080", "D7FF, ed9fbf", "E000, ee8080", "FFFF, efbfbf",
        "10000, f0908080", "10FFFF, f48fbfbf"})
    void theEdgesOfEveryLengthDecodeAndEncode(String codePoint, String hex) {
        String text = Character.toString(Integer.parseInt(codePoint, 16));
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes, "the oracle agrees with the table");
        assertEquals(text, Utf8.decode(padded(bytes), FROM, bytes.length, BASE));
        assertEquals(bytes.length, Utf8.encodedLength(text));
        ByteArraySink sink = new ByteArraySink();
        Utf8.encode(text, sink);
        assertArrayEquals(bytes, sink.toByteArray());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "c080|byte 0xc0 cannot start a character|0", "e08080|overlong form|0", "c1bf|byte 0xc1 cannot start a character|0",
        "e09fbf|overlong form|0", "f08fbfbf|overlong form|0",
        "eda080|encoded surrogate|0", "edbfbf|encoded surrogate|0",
        "f4908080|code point above U+10FFFF|0", "f5808080|byte 0xf5 cannot start a character|0",
        "80|byte 0x80 cannot start a character|0", "bf|byte 0xbf cannot start a character|0",
        "ff|byte 0xff cannot start a character|0",
        "c2|character cut off by the end of the payload|0", "41e0a0|character cut off by the end of the payload|1",
        "f48fbf|character cut off by the end of the payload|0",
        "c241|byte 0x41 is not a continuation byte|1", "e0a0c0|byte 0xc0 is not a continuation byte|2",
        "4142f09080ff|byte 0xff is not a continuation byte|5"})
    void malformedSequencesAreRefusedAtTheirByte(String hex, String problem, int at) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> Utf8.decode(padded(bytes), FROM, bytes.length, BASE));
        assertEquals("payload is not UTF-8: " + problem, e.problem());
        assertEquals(FROM - BASE + at, e.offset());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'a\uD800', -2", "'\uDC00b', -1", "'ab\uD83D', -3", "'\uD83D\uDE00', 4", "'é€', 5"})
    void encodedLengthCountsBytesOrNamesTheUnpairedSurrogate(String text, long expected) {
        assertEquals(expected, Utf8.encodedLength(text));
    }
}
