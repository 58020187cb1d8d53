package io.sigmalang.domain.parser;

import io.sigmalang.domain.tree.SemanticTree;

/**
 * Driving port: turns one message of text into a semantic tree.
 *
 * <p>Implementations return a tree built with {@link SemanticTree#parsedFrom}, carrying the size of
 * {@code text} in UTF-8 bytes, so that the encoder can report a compression ratio against the text.
 */
public interface TextParser {

    /** Parses one message; never fails on any text (an unrecognised text still gives a tree). */
    SemanticTree parse(String text);
}
