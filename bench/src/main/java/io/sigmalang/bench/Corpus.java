package io.sigmalang.bench;

import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The messages the encode benchmarks and the report work on: UTF-8 text, one message per line, empty lines
 * skipped.
 *
 * <p>The shipped corpus ({@value #SHIPPED_RESOURCE}, a few hundred developer/assistant chat messages written
 * for this project) is the default; a bigger one in the same format is named by path.
 *
 * @param source    where the messages came from (a path or the resource name), for reports
 * @param messages  the messages, in file order
 * @param utf8Bytes the UTF-8 size of all messages together, line breaks excluded
 */
public record Corpus(String source, List<String> messages, long utf8Bytes) {

    /** The corpus shipped in this module's resources. */
    public static final String SHIPPED_RESOURCE = "corpus/dev-chat.txt";

    /** The system property naming a corpus file for the benchmarks, when JMH's {@code -p corpus=} is not used. */
    public static final String PATH_PROPERTY = "sigmalang.corpus";

    public Corpus {
        Objects.requireNonNull(source, "source");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("corpus " + source + " holds no message (expected one message per line)");
        }
    }

    /** The corpus shipped with this module. */
    public static Corpus shipped() {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return parse(SHIPPED_RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + SHIPPED_RESOURCE, e);
        }
    }

    /**
     * The corpus in {@code file}.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable, not UTF-8 or holds no message
     */
    public static Corpus fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corpus file " + file + " does not exist or is not a file");
        }
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("corpus file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The corpus named by {@code path}; when it is empty, the one named by the system property
     * {@value #PATH_PROPERTY}; when that is unset too, the shipped one.
     */
    public static Corpus resolve(String path) {
        String chosen = path == null || path.isBlank() ? System.getProperty(PATH_PROPERTY, "") : path;
        return chosen.isBlank() ? shipped() : fromFile(Path.of(chosen));
    }

    private static Corpus parse(String source, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("corpus " + source + " is not valid UTF-8 text", e);
        }
        List<String> messages = new ArrayList<>();
        long size = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isEmpty()) {
                messages.add(line);
                size += line.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return new Corpus(source, messages, size);
    }

    /** Every message parsed to a tree, in order (parsing is done here, once, never in a measured loop). */
    public List<SemanticTree> trees(Function<String, SemanticTree> parser) {
        List<SemanticTree> trees = new ArrayList<>(messages.size());
        for (String message : messages) {
            trees.add(parser.apply(message));
        }
        return List.copyOf(trees);
    }
}
