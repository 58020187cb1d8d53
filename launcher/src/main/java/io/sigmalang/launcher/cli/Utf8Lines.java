package io.sigmalang.launcher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text one line at a time, lines ending with {@code \n} or {@code \r\n} (a last line without an
 * end counts too). Each line is decoded on its own and strictly, so a byte sequence that is not UTF-8 is
 * reported with its exact line number, not the line a read-ahead buffer happened to be on.
 */
final class Utf8Lines {
    /**
     * The longest line read, 64 MiB: twice the text a message's tree could carry if every byte became a value
     * byte (4,095 glyphs of at most 32,767 bytes is 134 MB of UTF-8, and a line yields far fewer and shorter
     * values than that), well below the 2 GiB a Java array holds.
     */
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final String name;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line;
    private long number;

    private final int maxLineBytes;

    /** Lines of {@code in} (best buffered), named {@code name} in errors. */
    Utf8Lines(InputStream in, String name) {
        this(in, name, MAX_LINE_BYTES);
    }

    /** Lines of at most {@code maxLineBytes} bytes (their end excluded). */
    Utf8Lines(InputStream in, String name, int maxLineBytes) {
        this.in = in;
        this.name = name;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(256, maxLineBytes)];
    }

    /** The next line without its end, or {@code null} at the end of the input. */
    String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            byte b = chunk[chunkPos++];
            if (b == '\n') {
                break;
            }
            if (length == line.length) {
                if (length >= maxLineBytes) {
                    throw new CliException(ExitCodes.DATA, name + " line " + (number + 1) + ": longer than "
                            + maxLineBytes + " bytes, the longest line sigmalang reads (is the input text?)");
                }
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, line.length * 2L));
            }
            line[length++] = b;
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCodes.DATA, name + " line " + number + ": not valid UTF-8 text");
        }
    }

    /** The number of the line last returned. */
    long number() {
        return number;
    }
}
