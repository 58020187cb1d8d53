package io.sigmalang.domain.wire;

/** Where glyph bytes are written, one byte at a time. */
public interface ByteSink {

    /** Writes the low eight bits of {@code b}. */
    void write(int b);
}
