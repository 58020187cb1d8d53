package io.sigmalang.domain.wire;

import java.util.Arrays;

/** A {@link ByteSink} into a growing array, reusable after {@link #reset()}. */
public final class ByteArraySink implements ByteSink {
    private byte[] bytes = new byte[256];
    private int size;

    @Override
    public void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** A copy of the bytes written since the last reset. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
