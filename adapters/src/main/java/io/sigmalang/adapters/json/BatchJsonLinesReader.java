package io.sigmalang.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.sigmalang.adapters.container.ContainerFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the input of a batch: JSON Lines, one {@code {"conversation": "ID", "text": "MESSAGE"}} object a line,
 * the conversations interleaved in any order. Other fields are skipped (they must still be valid JSON); lines
 * that are empty or hold only JSON whitespace (spaces, tabs) are skipped. A line ends with {@code \n} or
 * {@code \r\n}; a last line without an end counts too.
 *
 * <p>Strict, so that what is read is what was written: every line is UTF-8 on its own; one JSON object and
 * nothing after it; both fields present, strings, and no field name twice in any object of the line (which of
 * two values was meant is unknown); no unpaired surrogate in either string (UTF-8 cannot carry one, so the text
 * would change on the way to the encoder); a conversation id of at most {@link ContainerFormat#MAX_ID_BYTES}
 * UTF-8 bytes. Anything else is a {@link BatchJsonLinesException} naming the input and the line.
 *
 * <p>Bounded: a line is at most {@code maxLineBytes} bytes (by default {@value #MAX_LINE_BYTES}), refused as soon
 * as it grows past that, whatever the input; the line buffer grows by doubling from 256 bytes, by the bytes
 * actually read, never by a length the input states. Jackson's reading limits apply to each line (nesting 1,000
 * levels, numbers of 1,000 characters, names of 50,000, strings of 20,000,000) and are named as such when hit.
 *
 * <p>Not thread-safe; the input stream is read in chunks of 64 KiB (wrap it in nothing else) and never closed.
 */
public final class BatchJsonLinesReader {
    /**
     * The longest line read by default, 64 MiB: twice the text a message's tree could carry, well below the
     * 2 GiB a Java array holds (the same limit as the CLI's text lines).
     */
    public static final int MAX_LINE_BYTES = 64 << 20;

    private static final String EXPECTED = " (expected {\"conversation\": \"ID\", \"text\": \"MESSAGE\"})";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final InputStream in;
    private final String name;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line;
    private long number;

    /** Reads {@code in}, named {@code name} in errors, with lines of at most {@value #MAX_LINE_BYTES} bytes. */
    public BatchJsonLinesReader(InputStream in, String name) {
        this(in, name, MAX_LINE_BYTES);
    }

    /**
     * Reads {@code in} with lines of at most {@code maxLineBytes} bytes before their {@code \n} (a {@code \r}
     * before it counts), at least 1.
     */
    public BatchJsonLinesReader(InputStream in, String name, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1, not " + maxLineBytes);
        }
        this.in = Objects.requireNonNull(in, "in");
        this.name = Objects.requireNonNull(name, "name");
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(256, maxLineBytes)];
    }

    /**
     * The next message, or {@code null} at the end of the input.
     *
     * @throws BatchJsonLinesException a line that is not a message
     * @throws IOException the input cannot be read
     */
    public BatchMessage next() throws IOException {
        for (String text = nextLine(); text != null; text = nextLine()) {
            if (!blank(text)) {
                return message(text);
            }
        }
        return null;
    }

    /** The number of the line last read (1-based; blank lines count), 0 before the first. */
    public long lineNumber() {
        return number;
    }

    private static boolean blank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The next line, decoded, without its end; {@code null} at the end of the input. */
    private String nextLine() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                int read = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                chunkEnd = Math.max(read, 0);
                if (read <= 0) {
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
                    throw new BatchJsonLinesException(name + " line " + (number + 1) + ": longer than " + maxLineBytes
                            + " bytes, the longest line read (is the input JSON Lines?)", number + 1, null);
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
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw bad("not valid UTF-8 text", e);
        }
    }

    private BatchMessage message(String text) {
        String id = null;
        String message = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw bad("not a JSON object", null);
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    boolean conversation = field.equals("conversation");
                    if (conversation || field.equals("text")) {
                        if (value != JsonToken.VALUE_STRING) {
                            throw bad("\"" + field + "\" is not a string", null);
                        }
                        String s = p.getText();
                        int surrogate = unpairedSurrogate(s);
                        if (surrogate >= 0) {
                            throw bad(String.format(Locale.ROOT, "\"%s\" holds an unpaired surrogate U+%04X"
                                    + " at index %d (not Unicode text)", field, (int) s.charAt(surrogate), surrogate),
                                    null);
                        }
                        if (conversation) {
                            id = s;
                        } else {
                            message = s;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (p.nextToken() != null) {
                    throw bad("something follows the object", null);
                }
            } catch (StreamConstraintsException e) {
                throw bad(overLimit(p, e), e);
            } catch (JsonProcessingException e) {
                throw bad("not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
            }
        } catch (IOException e) {
            // Parsing a String reads no file; Jackson declares IOException all the same.
            throw bad("not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (id == null || message == null) {
            throw bad("the field \"" + (id == null ? "conversation" : "text") + "\" is missing", null);
        }
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ContainerFormat.MAX_ID_BYTES) {
            throw new BatchJsonLinesException(name + " line " + number + ": a conversation id of " + bytes
                    + " UTF-8 bytes (at most " + ContainerFormat.MAX_ID_BYTES + ")", number, null);
        }
        return new BatchMessage(id, message);
    }

    private BatchJsonLinesException bad(String problem, Throwable cause) {
        return new BatchJsonLinesException(name + " line " + number + ": " + problem + EXPECTED, number, cause);
    }

    /** Which of Jackson's reading limits was hit, with its value (Jackson names only its getter). */
    private static String overLimit(JsonParser p, StreamConstraintsException e) {
        StreamReadConstraints limits = p.streamReadConstraints();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("getMaxNumberLength")) {
            return "a number longer than " + limits.getMaxNumberLength() + " characters (the longest JSON number read)";
        } else if (message.contains("getMaxNameLength")) {
            return "a field name longer than " + limits.getMaxNameLength() + " characters (the longest name read)";
        } else if (message.contains("getMaxStringLength")) {
            return "a string longer than " + limits.getMaxStringLength() + " characters (the longest JSON string read)";
        } else if (message.contains("getMaxNestingDepth")) {
            return "nested deeper than " + limits.getMaxNestingDepth() + " JSON levels (the deepest read)";
        }
        return "over a JSON reading limit: " + message.lines().findFirst().orElse("");
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    private static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
