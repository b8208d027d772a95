package org.moho.pipelines.seismo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CustomCoder;
import org.moho.core.data.Waveform;

/**
 * A compact binary coder for {@link Waveform}: the header fields, then the samples as one block of
 * big-endian doubles.
 *
 * <p>Why: the runner copies the element of a splittable DoFn through its coder each time it
 * resumes it (the DirectRunner at every checkpoint, i.e. every 10,000 windows). With Java
 * serialization a day-long trace cost as much time to copy as its windows took to cut; a block
 * copy costs about a memcpy. Deterministic, so equal waveforms encode equally.
 */
final class WaveformCoder extends CustomCoder<Waveform> {
  private static final WaveformCoder INSTANCE = new WaveformCoder();

  static WaveformCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Waveform w, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeUTF(w.network());
    out.writeUTF(w.station());
    out.writeUTF(w.location());
    out.writeUTF(w.channel());
    out.writeLong(w.start().getEpochSecond());
    out.writeInt(w.start().getNano());
    out.writeDouble(w.sampleRate());
    out.writeUTF(w.source());
    out.writeInt(w.attributes().size());
    for (Map.Entry<String, String> e : w.attributes().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    double[] x = w.samples();
    out.writeInt(x.length);
    ByteBuffer block = ByteBuffer.allocate(8 * x.length);
    block.asDoubleBuffer().put(x);
    out.write(block.array());
    out.flush();
  }

  @Override
  public Waveform decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    String network = in.readUTF();
    String station = in.readUTF();
    String location = in.readUTF();
    String channel = in.readUTF();
    Instant start = Instant.ofEpochSecond(in.readLong(), in.readInt());
    double rate = in.readDouble();
    String source = in.readUTF();
    int n = in.readInt();
    Map<String, String> attributes = new TreeMap<>();
    for (int i = 0; i < n; i++) attributes.put(in.readUTF(), in.readUTF());
    byte[] block = new byte[8 * in.readInt()];
    in.readFully(block);
    double[] x = new double[block.length / 8];
    ByteBuffer.wrap(block).asDoubleBuffer().get(x);
    return new Waveform(network, station, location, channel, start, rate, x, source, attributes);
  }

  @Override
  public void verifyDeterministic() {}
}
