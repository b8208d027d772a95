package org.moho.core.files;

import org.moho.core.stage.GatherAll;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Gathers text lines into one file, written atomically by a single worker once all lines are
 * known (with an optional header line). Emits the file's path and line count. When there are no
 * lines and {@code writeEmpty} is false, no file is written. Line order follows arrival, which
 * no runner guarantees.
 */
public final class WriteLines extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
  private final String path;
  private final String header;

  private WriteLines(String path, String header) {
    this.path = path;
    this.header = header;
  }

  public static WriteLines to(Path path, String header) {
    return new WriteLines(path.toString(), header);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
    return lines
        .apply("OneFile", GatherAll.under(path, StringUtf8Coder.of()))
        .apply("Write", ParDo.of(new WriteFn(header)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  private static final class WriteFn extends DoFn<KV<String, Iterable<String>>, KV<String, Long>> {
    private final String header;

    WriteFn(String header) {
      this.header = header;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> group, OutputReceiver<KV<String, Long>> out) throws IOException {
      long[] n = {0};
      AtomicFiles.write(Path.of(group.getKey()), os -> {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        if (header != null) w.write(header + "\n");
        for (String line : group.getValue()) {
          w.write(line);
          w.write('\n');
          n[0]++;
        }
        w.flush();
      });
      out.output(KV.of(group.getKey(), n[0]));
    }
  }
}
