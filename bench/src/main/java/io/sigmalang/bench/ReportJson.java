package io.sigmalang.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@link ReportResult} as the JSON of {@code report.json}. */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static String render(ReportResult r, String chartFile) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("outstandingAfterRun", r.outstanding());
        root.put("bytesIdentical", r.bytesIdentical());
        ObjectNode machine = root.putObject("machine");
        machine.put("cpu", r.machine().cpu());
        machine.put("cores", r.machine().cores());
        machine.put("memoryBytes", r.machine().memoryBytes());
        machine.put("java", r.machine().java());
        machine.put("vm", r.machine().vm());
        machine.put("os", r.machine().os());
        ObjectNode plan = root.putObject("plan");
        ReportResult.Plan p = r.plan();
        plan.put("quick", p.quick());
        plan.put("jitWarmupPasses", p.jitWarmupPasses());
        plan.put("jitWarmupRounds", p.jitWarmupRounds());
        plan.put("warmupPasses", p.warmupPasses());
        plan.put("passes", p.passes());
        plan.put("burstWarmupRounds", p.burstWarmupRounds());
        plan.put("burstRounds", p.burstRounds());
        plan.put("shareRounds", p.shareRounds());
        plan.put("sharePasses", p.sharePasses());
        plan.put("calibrationSamples", p.calibrationSamples());
        plan.put("elapsedMillis", r.elapsedMillis());
        ObjectNode corpus = root.putObject("corpus");
        corpus.put("source", r.corpusSource());
        corpus.put("messages", r.messages());
        corpus.put("utf8Bytes", r.corpusBytes());
        root.put("encoderSettings", r.settings());
        root.put("bufferSize", r.bufferSize());
        root.put("timerNanos", r.timerNanos());
        ArrayNode capacities = root.putArray("capacities");
        r.capacities().forEach(capacities::add);
        ArrayNode strategies = root.putArray("strategies");
        r.strategies().forEach(strategies::add);
        root.put("chart", chartFile);

        ArrayNode sweep = root.putArray("capacitySweep");
        for (SweepRow row : r.rows()) {
            ObjectNode n = sweep.addObject();
            n.put("workload", row.workload());
            n.put("strategy", row.strategy());
            n.put("capacity", row.capacity());
            n.put("acquires", row.acquires());
            n.put("acquireNanos", row.acquireNanos());
            n.put("releaseNanos", row.releaseNanos());
            n.put("rawAcquireNanos", row.rawAcquireNanos());
            n.put("rawReleaseNanos", row.rawReleaseNanos());
            n.put("retainedBytes", row.retainedBytes());
            n.put("peakRetainedBytes", row.peakRetainedBytes());
            n.put("peakHeapUsedBytes", row.peakHeapUsedBytes());
            n.put("efficiency", row.efficiency());
            n.put("overflowRate", row.overflowRate());
            n.put("overflows", row.overflows());
            n.put("resizes", row.resizes());
            n.put("outstanding", row.outstanding());
            n.put("slowRegionsExcluded", row.slowRegions());
        }

        ObjectNode share = root.putObject("encodeShare");
        share.put("capacity", r.share().capacity());
        share.put("baselineNanosPerMessage", r.share().baselineNanosPerMessage());
        ArrayNode shareRows = share.putArray("strategies");
        for (ReportResult.ShareRow row : r.share().strategies()) {
            ObjectNode n = shareRows.addObject();
            n.put("strategy", row.strategy());
            n.put("nanosPerMessage", row.nanosPerMessage());
            n.put("poolShare", row.poolShare());
            n.put("callNanosPerMessage", row.callNanos());
            n.put("callShare", row.callShare());
        }

        ObjectNode compression = root.putObject("compression");
        compression.put("baselineSha256", r.baselineSha256());
        compression.put("bytesIdentical", r.bytesIdentical());
        ArrayNode compressionRows = compression.putArray("strategies");
        for (ReportResult.Compression row : r.compression()) {
            ObjectNode n = compressionRows.addObject();
            n.put("strategy", row.strategy());
            n.put("outputBytes", row.outputBytes());
            n.put("ratio", row.ratio());
            n.put("sha256", row.sha256());
            n.put("identical", row.identical());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render report.json", e);
        }
    }
}
