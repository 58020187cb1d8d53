package io.sigmalang.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.sigmalang.adapters.container.ContainerWriter;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.batch.BatchEncoder;
import io.sigmalang.domain.batch.BatchSettings;
import io.sigmalang.domain.batch.BatchSummary;
import io.sigmalang.domain.codec.Decoder;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticTree;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.launcher.wiring.SigmalangModules;
import io.sigmalang.pool.fixed.FixedBufferPool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The code the README shows, region by region ({@code tag::NAME[]} to {@code end::NAME[]}): compiled and run by
 * {@link ReadmeExamplesTest}, and compared with the README's text by {@link DocSnippetsTest}.
 */
final class ReadmeExamples {
    private ReadmeExamples() {
    }

    static void plainConstructors() {
        // tag::plain-constructors[]
        try (BufferPool pool = new FixedBufferPool(32, 4096)) {
            EncoderSettings settings = EncoderSettings.defaults();
            Encoder encoder = new SigmaEncoder(pool, settings);
            Decoder decoder = new SigmaDecoder(settings);
            TextParser parser = new RuleBasedTextParser();
            for (String message : List.of("Write a Python function to sort a list", "hi there", "hi there")) {
                byte[] stream = encoder.encode(parser.parse(message));
                SemanticTree tree = decoder.decode(stream);
                System.out.println(stream.length + " bytes: " + tree);
            }
            System.out.println(encoder.stats().paths());
        }
        // end::plain-constructors[]
    }

    static void guiceModule() {
        // tag::guice-module[]
        SigmalangConfig config = SigmalangConfig.defaults().withStrategy("offheap");
        Injector injector = Guice.createInjector(SigmalangModules.forConfig(config));
        try (BufferPool pool = injector.getInstance(BufferPool.class)) {
            Encoder encoder = injector.getInstance(Encoder.class);
            TextParser parser = injector.getInstance(TextParser.class);
            byte[] stream = encoder.encode(parser.parse("Write a Python function to sort a list"));
            System.out.println(pool.name() + ": " + stream.length + " bytes");
        }
        // end::guice-module[]
    }

    static void batchService() throws IOException, InterruptedException {
        // tag::batch-service[]
        try (BufferPool pool = new FixedBufferPool(32, 4096)) {
            EncoderSettings settings = EncoderSettings.defaults();
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            ContainerWriter container = new ContainerWriter(file, settings, true);
            try (BatchEncoder batch = new BatchEncoder(pool, settings, new RuleBasedTextParser(),
                    BatchSettings.defaults().withWorkers(2), container)) {
                batch.submit("alice", "Write a Python function to sort a list");
                batch.submit("bob", "hi there");
                batch.submit("alice", "hi there");
                BatchSummary summary = batch.finish();
                System.out.println(summary.conversations() + " conversations, " + summary.messages() + " messages");
            }
            container.finish();
            System.out.println(file.size() + " container bytes");
        }
        // end::batch-service[]
    }
}
