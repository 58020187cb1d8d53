package io.sigmalang.adapters.spark;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import java.io.Serializable;

/**
 * The encoder's settings as they travel to the executors ({@link EncoderSettings} holds a codebook and is not
 * serializable; configuration never sets a codebook, as in the CLI). Validated by {@link EncoderSettings} itself.
 */
record CodecSettings(boolean bankEnabled, int bankCapacity, boolean deltaEnabled, int contextDepth)
        implements Serializable {

    CodecSettings {
        new EncoderSettings(bankEnabled, bankCapacity, deltaEnabled, contextDepth, Codebook.none());
    }

    static CodecSettings of(EncoderSettings settings) {
        return new CodecSettings(settings.bankEnabled(), settings.bankCapacity(), settings.deltaEnabled(),
                settings.contextDepth());
    }

    EncoderSettings toEncoderSettings() {
        return new EncoderSettings(bankEnabled, bankCapacity, deltaEnabled, contextDepth, Codebook.none());
    }
}
