package io.sigmalang.domain.batch;

import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.pool.PoolStats;
import java.util.List;

/**
 * What a finished batch did.
 *
 * @param conversations       conversations started (an id restarted after idleness counts again)
 * @param messages            messages encoded and handed to the output
 * @param dropped             messages not encoded because their conversation had failed before
 * @param failedConversations conversations stopped by a failure
 * @param failures            the failures, the first {@value BatchEncoder#FAILURES_KEPT} in the order they happened
 * @param peakLive            the most conversations open at once
 * @param totals              the statistics of every conversation's encoder added up
 * @param pool                the shared pool's statistics when the batch finished
 */
public record BatchSummary(long conversations, long messages, long dropped, long failedConversations,
        List<ConversationFailure> failures, long peakLive, EncoderStats totals, PoolStats pool) {

    public BatchSummary {
        failures = List.copyOf(failures);
    }
}
