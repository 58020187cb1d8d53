package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.OpenLeasesException;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every installed pool strategy, in strict leak mode (its close() fails and lists the leases still open): many
 * conversations hold their context windows in the pool while open, and closing every encoder and decoder gives
 * every lease back. This lives in bench because it is the module that has all three pools on its class path.
 */
class ConversationLeasesTest {

    private static BufferPool strictPool(String strategy) {
        PoolCatalog catalog = PoolCatalog.installed();
        Map<String, String> settings = new HashMap<>(catalog.provider(strategy).orElseThrow().sizedFor(16));
        settings.put(CommonKnobs.BUFFER_SIZE.key(), "256");
        settings.put(CommonKnobs.LEAK_DETECTION.key(), "strict");
        return catalog.create(strategy, settings);
    }

    private static List<SemanticTree> messages(int conversation) {
        List<SemanticTree> out = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            out.add(CodecWiring.parse(m % 3 == 0 ? "hello there, conversation " + conversation
                    : "please sort the list of " + (m * conversation) + " items by name"));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixed", "adaptive", "offheap"})
    void closingEveryConversationReturnsThePoolToNoOutstandingLease(String strategy) {
        BufferPool pool = strictPool(strategy);
        List<SigmaEncoder> encoders = new ArrayList<>();
        List<SigmaDecoder> decoders = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            SigmaEncoder encoder = new SigmaEncoder(pool);
            SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults(), DecoderLimits.defaults(), pool);
            for (SemanticTree message : messages(c)) {
                assertEquals(message, decoder.decode(encoder.encode(message)));
            }
            encoders.add(encoder);
            decoders.add(decoder);
        }
        long open = pool.stats().outstanding();
        assertEquals(true, open >= 200, "every open encoder and decoder holds its window: " + open);
        encoders.forEach(SigmaEncoder::close);
        decoders.subList(1, decoders.size()).forEach(SigmaDecoder::close);

        // One decoder still open: the strict pool refuses to close and names what is still out.
        long stillOpen = pool.stats().outstanding();
        OpenLeasesException e = assertThrows(OpenLeasesException.class, pool::close);
        assertEquals(stillOpen, e.leases().size());
        decoders.get(0).close();
        assertEquals(0, pool.stats().outstanding());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixed", "adaptive", "offheap"})
    void aStrictPoolClosesOnceEveryConversationIsClosed(String strategy) {
        BufferPool pool = strictPool(strategy);
        for (int c = 0; c < 50; c++) {
            try (SigmaEncoder encoder = new SigmaEncoder(pool)) {
                for (SemanticTree message : messages(c)) {
                    encoder.encode(message);
                }
            }
        }
        assertEquals(0, pool.stats().outstanding());
        pool.close();
    }
}
