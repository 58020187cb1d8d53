package io.sigmalang.adapters.container;

import io.sigmalang.adapters.container.ContainerRecord.Ended;
import io.sigmalang.adapters.container.ContainerRecord.Opened;
import io.sigmalang.adapters.container.ContainerRecord.Stream;
import io.sigmalang.domain.codec.Decoder;
import io.sigmalang.domain.codec.DecoderLimitException;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decodes a whole container front to back: one decoder per conversation, made by the factory passed in (so a
 * caller decides the decoders' settings and limits), created when the conversation opens and dropped when it
 * ends, so memory follows the conversations open at once. A corrupt stream is reported as a
 * {@link MalformedContainerException} naming the conversation, the message and the container offset of the
 * fault.
 */
public final class ContainerDecoding {
    private final ContainerReader reader;
    private final Function<EncoderSettings, ? extends Decoder> decoders;
    private final Map<Integer, Decoder> open = new HashMap<>();
    private final Map<Integer, String> ids = new HashMap<>();

    /** One decoded message. */
    public record Decoded(int conversation, String id, long message, SemanticTree tree) {
    }

    public ContainerDecoding(ContainerReader reader, Function<EncoderSettings, ? extends Decoder> decoders) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    /**
     * The next decoded message, or {@code null} at the end of a whole, checked container. Conversations that
     * ended after a failure are passed to {@code failed} as they end.
     */
    public Decoded next(java.util.function.Consumer<Ended> failed) throws IOException {
        for (ContainerRecord r = reader.nextRecord(); r != null; r = reader.nextRecord()) {
            switch (r) {
                case Opened o -> {
                    open.put(o.conversation(), decoders.apply(reader.settings()));
                    ids.put(o.conversation(), o.id());
                }
                case Stream s -> {
                    String id = ids.get(s.conversation());
                    try {
                        SemanticTree tree = open.get(s.conversation()).decode(s.stream());
                        return new Decoded(s.conversation(), id, s.message(), tree);
                    } catch (MalformedStreamException e) {
                        String where = reader.header().batch() ? "conversation \"" + id + "\" message " + s.message()
                                : "message " + s.message();
                        // A limit is about the whole message, not a byte of it: the stream's start is named.
                        boolean limit = e instanceof DecoderLimitException;
                        MalformedContainerException refused = new MalformedContainerException(limit ? e.problem()
                                : e.problem() + " (stream byte " + e.offset() + ")", where, s.message(),
                                limit ? s.offset() : s.offset() + e.offset());
                        refused.initCause(e);
                        throw refused;
                    }
                }
                case Ended e -> {
                    Decoder d = open.remove(e.conversation());
                    ids.remove(e.conversation());
                    if (d != null) {
                        d.close();
                    }
                    if (e.failure().isPresent()) {
                        failed.accept(e);
                    }
                }
            }
        }
        return null;
    }
}
