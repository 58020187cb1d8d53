package io.sigmalang.domain.codec;

/**
 * What one encoding path did.
 *
 * @param count messages encoded on this path
 * @param nanos time spent encoding those messages, in nanoseconds (whole encode calls)
 * @param bytes stream bytes written for them
 */
public record PathStats(long count, long nanos, long bytes) {
}
