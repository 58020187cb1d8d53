package io.sigmalang.domain.wire;

import io.sigmalang.domain.format.MalformedStreamException;
import java.nio.ByteBuffer;

/**
 * Exact UTF-8 for glyph payloads, written here rather than through {@code String.getBytes} so that encoding
 * allocates nothing, an unpaired surrogate is refused instead of silently replaced with {@code '?'}, and a
 * malformed payload is reported with the offset of the offending byte instead of becoming U+FFFD.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The UTF-8 length of {@code s} in bytes, or {@code -(i + 1)} when the char at index {@code i} is an
     * unpaired surrogate (which UTF-8 cannot carry).
     */
    public static long encodedLength(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 4;
                    i++;
                } else {
                    return -(i + 1L);
                }
            } else if (Character.isLowSurrogate(c)) {
                return -(i + 1L);
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes {@code s} as UTF-8. The caller has checked with {@link #encodedLength} that it has no unpaired surrogate. */
    public static void encode(String s, ByteSink out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >>> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.write(0xF0 | (cp >>> 18));
                out.write(0x80 | ((cp >>> 12) & 0x3F));
                out.write(0x80 | ((cp >>> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else {
                out.write(0xE0 | (c >>> 12));
                out.write(0x80 | ((c >>> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Decodes {@code length} bytes at absolute index {@code from} of {@code in}, strictly: overlong forms,
     * encoded surrogates, code points above U+10FFFF, stray continuation bytes and truncated sequences are
     * refused. {@code base} is subtracted from indexes to report stream offsets.
     */
    public static String decode(ByteBuffer in, int from, int length, int base) {
        char[] chars = new char[length];
        int n = 0;
        int i = from;
        int end = from + length;
        while (i < end) {
            int b0 = in.get(i) & 0xFF;
            if (b0 < 0x80) {
                chars[n++] = (char) b0;
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                need = 1;
                cp = b0 & 0x1F;
                min = 0x80;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                need = 2;
                cp = b0 & 0x0F;
                min = 0x800;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                need = 3;
                cp = b0 & 0x07;
                min = 0x10000;
            } else {
                throw new MalformedStreamException(
                        String.format("payload is not UTF-8: byte 0x%02x cannot start a character", b0), i - base);
            }
            if (i + need >= end) {
                throw new MalformedStreamException("payload is not UTF-8: character cut off by the end of the payload",
                        i - base);
            }
            for (int k = 1; k <= need; k++) {
                int b = in.get(i + k) & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    throw new MalformedStreamException(
                            String.format("payload is not UTF-8: byte 0x%02x is not a continuation byte", b), i + k - base);
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            if (cp < min) {
                throw new MalformedStreamException("payload is not UTF-8: overlong form", i - base);
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                throw new MalformedStreamException("payload is not UTF-8: encoded surrogate", i - base);
            }
            if (cp > 0x10FFFF) {
                throw new MalformedStreamException("payload is not UTF-8: code point above U+10FFFF", i - base);
            }
            if (cp >= 0x10000) {
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
            } else {
                chars[n++] = (char) cp;
            }
            i += need + 1;
        }
        return new String(chars, 0, n);
    }
}
