package io.sigmalang.domain.codec;

import io.sigmalang.domain.format.MalformedStreamException;

/**
 * A stream, or a decoder's settings, that would make the decoder pass one of its {@link DecoderLimits}. The
 * stream may be well formed; it is refused as input the decoder will not take, like a malformed one, and the
 * decoder stays as it was. {@link #limit()} and {@link #value()} say which limit and its value, so a caller can
 * name its own way to raise it.
 */
public final class DecoderLimitException extends MalformedStreamException {
    private static final long serialVersionUID = 1L;

    private final DecoderLimits.Limit limit;
    private final long value;

    DecoderLimitException(String problem, DecoderLimits.Limit limit, long value) {
        super(problem, 0);
        this.limit = limit;
        this.value = value;
    }

    /** Which limit the stream would pass. */
    public DecoderLimits.Limit limit() {
        return limit;
    }

    /** That limit's value in the decoder that refused. */
    public long value() {
        return value;
    }
}
