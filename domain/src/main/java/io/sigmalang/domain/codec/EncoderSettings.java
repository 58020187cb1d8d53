package io.sigmalang.domain.codec;

import io.sigmalang.domain.codebook.Codebook;
import java.util.Objects;

/**
 * How an encoder (and its matching decoder) work. Encoder and decoder of one conversation must use equal
 * settings: the bank capacity and the context depth decide which references and deltas resolve.
 *
 * @param bankEnabled   whether repeated trees are sent as Σ-bank references
 * @param bankCapacity  trees the Σ-bank holds before evicting the least recently used (1..65536)
 * @param deltaEnabled  whether a message may be sent as a delta against a recent one
 * @param contextDepth  recent messages kept as delta bases (1..16)
 * @param codebook      learned patterns ({@link Codebook#none()} for none)
 */
public record EncoderSettings(
        boolean bankEnabled, int bankCapacity, boolean deltaEnabled, int contextDepth, Codebook codebook) {

    public static final int DEFAULT_BANK_CAPACITY = 1024;
    public static final int MAX_BANK_CAPACITY = 65536;
    public static final int DEFAULT_CONTEXT_DEPTH = 4;
    public static final int MAX_CONTEXT_DEPTH = 16;

    public EncoderSettings {
        if (bankCapacity < 1 || bankCapacity > MAX_BANK_CAPACITY) {
            throw new IllegalArgumentException(
                    "bankCapacity " + bankCapacity + " is out of range (expected 1.." + MAX_BANK_CAPACITY + ")");
        }
        if (contextDepth < 1 || contextDepth > MAX_CONTEXT_DEPTH) {
            throw new IllegalArgumentException(
                    "contextDepth " + contextDepth + " is out of range (expected 1.." + MAX_CONTEXT_DEPTH + ")");
        }
        Objects.requireNonNull(codebook, "codebook");
    }

    /** Bank of 1024 trees, delta against the last 4 messages, no codebook. */
    public static EncoderSettings defaults() {
        return new EncoderSettings(true, DEFAULT_BANK_CAPACITY, true, DEFAULT_CONTEXT_DEPTH, Codebook.none());
    }

    /** Only the full-primitive form (and the codebook, if one is set). */
    public static EncoderSettings fullFormOnly() {
        return new EncoderSettings(false, DEFAULT_BANK_CAPACITY, false, DEFAULT_CONTEXT_DEPTH, Codebook.none());
    }

    public EncoderSettings withBank(boolean enabled, int capacity) {
        return new EncoderSettings(enabled, capacity, deltaEnabled, contextDepth, codebook);
    }

    public EncoderSettings withDelta(boolean enabled, int depth) {
        return new EncoderSettings(bankEnabled, bankCapacity, enabled, depth, codebook);
    }

    public EncoderSettings withCodebook(Codebook codebook) {
        return new EncoderSettings(bankEnabled, bankCapacity, deltaEnabled, contextDepth, codebook);
    }
}
