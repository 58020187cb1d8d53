package io.sigmalang.adapters.spark;

import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.format.MalformedStreamException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes one partition of streams, sorted by conversation then seq, into tree JSON: one decoder per conversation,
 * fed its streams in seq order, one output row per input row, produced as the rows are read (nothing is held
 * beyond the current conversation's decoder).
 *
 * <p>A stream that cannot be decoded becomes a rejected row with the decoder's reason; the conversation's later
 * streams are rejected too (they depend on the Σ-bank and context the failed one would have set), each naming
 * the seq that broke it. Under fail-fast the first such stream fails the task instead.
 */
final class PartitionDecoder implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final CodecSettings settings;
    private final boolean failFast;

    PartitionDecoder(CodecSettings settings, boolean failFast) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failFast = failFast;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TreeJson json = new TreeJson();
        return new Iterator<>() {
            private String conversation;
            private boolean started;
            private SigmaDecoder decoder;
            private Long brokenAt;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = rows.next();
                String id = row.isNullAt(0) ? null : row.getString(0);
                Long seq = row.isNullAt(1) ? null : row.getLong(1);
                if (!started || !Objects.equals(id, conversation)) {
                    started = true;
                    conversation = id;
                    decoder = new SigmaDecoder(settings.toEncoderSettings());
                    brokenAt = null;
                }
                if (id == null || seq == null || row.isNullAt(2)) {
                    return reject(id, seq, "the " + (id == null ? "conversation" : seq == null ? "seq" : "stream")
                            + " is null");
                }
                if (brokenAt != null) {
                    return reject(id, seq, "not decoded: the stream at seq " + brokenAt
                            + " of this conversation could not be decoded, and every later one depends on it");
                }
                byte[] stream = row.getAs(2);
                try {
                    String tree = json.write(decoder.decode(ByteBuffer.wrap(stream)).root());
                    return RowFactory.create(id, seq, tree, null);
                } catch (MalformedStreamException e) {
                    brokenAt = seq;
                    return reject(id, seq, e.getMessage());
                }
            }

            private Row reject(String id, Long seq, String reason) {
                String where = "conversation " + Rows.quote(id) + " seq " + seq + ": ";
                if (failFast) {
                    throw new RejectedRowException(where + reason);
                }
                return RowFactory.create(id, seq, null, reason);
            }
        };
    }
}
