package io.sigmalang.bench;

import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticTree;

/** The project's parser and encoder, built as an application builds them, for the benchmarks and the report. */
final class CodecWiring {
    private static final TextParser PARSER = new RuleBasedTextParser();

    private CodecWiring() {
    }

    /** Parses one message with the project's rule-based text parser. */
    static SemanticTree parse(String message) {
        return PARSER.parse(message);
    }

    /** A new encoder (one conversation) writing through {@code pool}. */
    static Encoder encoder(BufferPool pool, EncoderSettings settings) {
        return new SigmaEncoder(pool, settings);
    }
}
