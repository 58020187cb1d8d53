package io.sigmalang.launcher.cli;

import io.sigmalang.domain.codec.DecoderLimitException;
import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.launcher.config.Setting;
import io.sigmalang.launcher.config.Settings;
import io.sigmalang.launcher.config.SigmalangConfig;

/** The configuration key behind each decoder limit, so that a refusal says how to raise it. */
final class DecoderLimitKeys {
    private DecoderLimitKeys() {
    }

    static Setting settingOf(DecoderLimits.Limit limit) {
        return switch (limit) {
            case HELD_BYTES -> Settings.DECODER_MAX_HELD_BYTES;
            case BANK_CAPACITY -> Settings.DECODER_MAX_BANK_CAPACITY;
            case CONTEXT_DEPTH -> Settings.DECODER_MAX_CONTEXT_DEPTH;
            case MESSAGE_EXPANSION -> Settings.DECODER_MAX_MESSAGE_EXPANSION;
            case CONVERSATION_EXPANSION -> Settings.DECODER_MAX_CONVERSATION_EXPANSION;
        };
    }

    /** The decoder's problem, then the key, its value and origin, and how to raise it. */
    static String explain(DecoderLimitException e, SigmalangConfig config) {
        return e.problem() + " " + hint(e, config);
    }

    /** The key behind {@code e}'s limit, its value and origin, and how to raise it, in parentheses. */
    static String hint(DecoderLimitException e, SigmalangConfig config) {
        Setting s = settingOf(e.limit());
        Object value = config.values().get(s.key());
        return "(limit " + s.key() + " = " + value + ", from " + config.origin(s.key()) + "; raise it with --set "
                + s.key() + "=...)";
    }
}
