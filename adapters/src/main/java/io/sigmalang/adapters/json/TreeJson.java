package io.sigmalang.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.sigmalang.domain.tree.SemanticNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads and writes the tree JSON of the conformance vectors with Jackson's streaming API.
 *
 * <p>Design: neither direction recurses. Reading keeps an explicit stack of half-built nodes, one frame per
 * open node object, and builds each {@link SemanticNode} when its object closes (children are complete by
 * then, and nodes are immutable). Writing walks the tree with a stack of (node, next child) frames. So the
 * only depth limit is the JSON nesting limit, raised on purpose from Jackson's default of 1000 to
 * {@value #MAX_NESTING_DEPTH}: a 2,048-deep chain (the deepest tree one stream can carry) nests about 4,100
 * JSON levels, and anything deeper than {@value #MAX_NESTING_DEPTH} is refused with a clear message rather
 * than read into memory.
 *
 * <p>Reading is strict: only the fields {@code primitive}, {@code value} and {@code children}, each at most
 * once; {@code primitive} an integer 0..255; {@code value} a string without unpaired surrogates;
 * {@code children} a non-empty array of node objects. Every error names line, column and node path.
 */
public final class TreeJson {

    /** JSON nesting levels accepted: about 2.4 times the 4,100 that the deepest encodable tree needs. */
    public static final int MAX_NESTING_DEPTH = 10_000;

    private static final String ALLOWED_FIELDS = "allowed: primitive, value, children";

    private final JsonFactory factory;

    /** A reader and writer with the nesting limit {@value #MAX_NESTING_DEPTH}. */
    public TreeJson() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        factory.setCharacterEscapes(new LineSafeEscapes());
    }

    /** The factory, configured with the raised nesting limits, for callers that read vector files. */
    public JsonFactory factory() {
        return factory;
    }

    /** Reads exactly one tree from {@code json}; anything after it but whitespace is an error. */
    public SemanticNode read(String json) {
        try (JsonParser p = factory.createParser(json)) {
            return readDocument(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads exactly one tree from a UTF-8 {@code in} (not closed). */
    public SemanticNode read(InputStream in) throws IOException {
        try (JsonParser p = factory.createParser(in)) {
            return readDocument(p);
        } catch (CharConversionException e) {
            // Refused while Jackson guesses the encoding, before any token (found by fuzzing).
            throw new TreeJsonException("tree JSON line 1, column 1: not UTF-8 text ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", 1, 1, e);
        }
    }

    private SemanticNode readDocument(JsonParser p) throws IOException {
        SemanticNode root;
        try {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw error(p, "root", "no tree: the input is empty");
            }
            root = readNode(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw error(p, "root", "unexpected " + describe(after) + " after the tree (one tree per document)");
            }
        } catch (StreamConstraintsException e) {
            throw overLimit(p, e);
        } catch (JsonProcessingException e) {
            throw malformed(p, e);
        } catch (CharConversionException e) {
            // Jackson guesses UTF-16 or UTF-32 from zero bytes at the start and fails inside that guess with an
            // I/O exception: the input is bad data, not a failing disk (found by fuzzing).
            JsonLocation at = p.currentLocation();
            throw new TreeJsonException("tree JSON line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": not UTF-8 text (" + e.getMessage().lines().findFirst().orElse("") + ")", at.getLineNr(),
                    at.getColumnNr(), e);
        }
        return root;
    }

    /**
     * Reads one node object whose {@code START_OBJECT} is the parser's current token, leaving the parser on
     * its {@code END_OBJECT}. For tree objects embedded in other JSON, such as the vector files.
     */
    public SemanticNode readNode(JsonParser p) throws IOException {
        try {
            return readNodeUnchecked(p);
        } catch (StreamConstraintsException e) {
            throw overLimit(p, e);
        } catch (JsonProcessingException e) {
            throw malformed(p, e);
        }
    }

    /** One open node object. */
    private static final class Frame {
        final String path;
        int primitive = -1;
        String value;
        List<SemanticNode> children;
        boolean inChildren;
        boolean sawValue;

        Frame(String path) {
            this.path = path;
        }

        String childPath() {
            return path + "/" + children.size();
        }
    }

    private SemanticNode readNodeUnchecked(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(p, "root", "expected a node object, got " + describe(p.currentToken()));
        }
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("root"));
        while (true) {
            Frame f = stack.peek();
            JsonToken t = p.nextToken();
            if (t == null) {
                throw error(p, f.path, "the input ends inside a node");
            }
            if (f.inChildren) {
                if (t == JsonToken.START_OBJECT) {
                    stack.push(new Frame(f.childPath()));
                } else if (t == JsonToken.END_ARRAY) {
                    if (f.children.isEmpty()) {
                        throw error(p, f.path, "\"children\" is an empty array (a leaf has no \"children\" field)");
                    }
                    f.inChildren = false;
                } else {
                    throw error(p, f.childPath(), "expected a node object in \"children\", got " + describe(t));
                }
                continue;
            }
            if (t == JsonToken.FIELD_NAME) {
                readField(p, f);
                continue;
            }
            if (t != JsonToken.END_OBJECT) {
                throw error(p, f.path, "unexpected " + describe(t));
            }
            if (f.primitive < 0) {
                throw error(p, f.path, "missing field \"primitive\"");
            }
            SemanticNode node = SemanticNode.of(f.primitive, f.value, f.children == null ? List.of() : f.children);
            stack.pop();
            if (stack.isEmpty()) {
                return node;
            }
            stack.peek().children.add(node);
        }
    }

    private static void readField(JsonParser p, Frame f) throws IOException {
        String name = p.currentName();
        JsonLocation fieldAt = p.currentTokenLocation();
        JsonToken t = p.nextToken();
        switch (name) {
            case "primitive" -> {
                if (f.primitive >= 0) {
                    throw error(fieldAt, f.path, "duplicate field \"primitive\"");
                }
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw error(p, f.path, "\"primitive\" must be an integer 0..255, got " + describe(t));
                }
                if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0 || p.getIntValue() > 255) {
                    throw error(p, f.path, "\"primitive\" " + p.getText() + " is out of range (allowed: 0..255)");
                }
                f.primitive = p.getIntValue();
            }
            case "value" -> {
                if (f.sawValue) {
                    throw error(fieldAt, f.path, "duplicate field \"value\"");
                }
                if (t != JsonToken.VALUE_STRING) {
                    throw error(p, f.path, "\"value\" must be a string (omit it for no value), got " + describe(t));
                }
                String value = p.getText();
                int bad = unpairedSurrogate(value);
                if (bad >= 0) {
                    throw error(p, f.path, String.format(
                            "\"value\" holds an unpaired surrogate U+%04X at index %d (values must be Unicode text)",
                            (int) value.charAt(bad), bad));
                }
                f.value = value;
                f.sawValue = true;
            }
            case "children" -> {
                if (f.children != null) {
                    throw error(fieldAt, f.path, "duplicate field \"children\"");
                }
                if (t != JsonToken.START_ARRAY) {
                    throw error(p, f.path, "\"children\" must be an array of nodes, got " + describe(t));
                }
                f.children = new ArrayList<>();
                f.inChildren = true;
            }
            default -> throw error(fieldAt, f.path, "unknown field \"" + name + "\" (" + ALLOWED_FIELDS + ")");
        }
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1. */
    static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case END_ARRAY -> "the end of an array";
            case END_OBJECT -> "the end of an object";
            case FIELD_NAME -> "a field name";
            default -> t.name();
        };
    }

    private static TreeJsonException error(JsonParser p, String path, String problem) {
        return error(p.currentTokenLocation(), path, problem);
    }

    private static TreeJsonException error(JsonLocation at, String path, String problem) {
        return new TreeJsonException(
                "tree JSON line " + at.getLineNr() + ", column " + at.getColumnNr() + " (node " + path + "): " + problem,
                at.getLineNr(), at.getColumnNr(), null);
    }

    /**
     * One of Jackson's reading limits, named as what it is. Jackson says which limit in its message only (the
     * getter of {@link StreamReadConstraints} it names); each is spelled here with its value.
     */
    private static TreeJsonException overLimit(JsonParser p, StreamConstraintsException e) {
        JsonLocation at = p.currentLocation();
        StreamReadConstraints limits = p.streamReadConstraints();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String problem;
        if (message.contains("getMaxNumberLength")) {
            problem = "a number longer than " + limits.getMaxNumberLength() + " characters (the longest JSON number"
                    + " read; a primitive id has at most 3 digits)";
        } else if (message.contains("getMaxNameLength")) {
            problem = "a field name longer than " + limits.getMaxNameLength() + " characters (the longest name read; "
                    + ALLOWED_FIELDS + ")";
        } else if (message.contains("getMaxStringLength")) {
            problem = "a string longer than " + limits.getMaxStringLength() + " characters (the longest JSON string"
                    + " read; a value the format carries has at most 32767 UTF-8 bytes)";
        } else if (message.contains("getMaxDocumentLength")) {
            problem = "a document longer than " + limits.getMaxDocumentLength() + " bytes (the longest read)";
        } else if (message.contains("getMaxNestingDepth")) {
            problem = "nested deeper than " + MAX_NESTING_DEPTH + " JSON levels (a tree of at most 2048 levels needs"
                    + " about 4100)";
        } else {
            problem = "over a JSON reading limit: " + message.lines().findFirst().orElse("");
        }
        return new TreeJsonException("tree JSON line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                + problem, at.getLineNr(), at.getColumnNr(), e);
    }

    private static TreeJsonException malformed(JsonParser p, JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        return new TreeJsonException("tree JSON line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                at.getLineNr(), at.getColumnNr(), e);
    }

    /** The tree as one line of JSON, fields in the order primitive, value, children. */
    public String write(SemanticNode root) {
        StringBuilderWriter out = new StringBuilderWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeNode(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the tree as JSON in UTF-8 to {@code out} (not closed; flushed). */
    public void write(SemanticNode root, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeNode(g, root);
        }
    }

    /** Writes one node object with {@code g}, without recursion, leaving {@code g} open. */
    public void writeNode(JsonGenerator g, SemanticNode root) throws IOException {
        Deque<int[]> indexes = new ArrayDeque<>();
        Deque<SemanticNode> nodes = new ArrayDeque<>();
        openNode(g, root);
        nodes.push(root);
        indexes.push(new int[] {0});
        while (!nodes.isEmpty()) {
            SemanticNode n = nodes.peek();
            int[] next = indexes.peek();
            if (next[0] < n.children().size()) {
                SemanticNode child = n.children().get(next[0]++);
                openNode(g, child);
                nodes.push(child);
                indexes.push(new int[] {0});
            } else {
                if (!n.isLeaf()) {
                    g.writeEndArray();
                }
                g.writeEndObject();
                nodes.pop();
                indexes.pop();
            }
        }
    }

    private static void openNode(JsonGenerator g, SemanticNode n) throws IOException {
        g.writeStartObject();
        g.writeNumberField("primitive", n.primitive());
        if (n.hasValue()) {
            g.writeStringField("value", n.valueOrNull());
        }
        if (!n.isLeaf()) {
            g.writeArrayFieldStart("children");
        }
    }

    /**
     * Escapes the characters that some tools take for line breaks or invisible controls (U+007F..U+009F,
     * U+2028, U+2029), as the vector files do, so that every tree stays on one line of a JSON Lines file.
     */
    private static final class LineSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        LineSafeEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if ((ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    /** A Writer on a StringBuilder (StringWriter synchronises on every call). */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

}
