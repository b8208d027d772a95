package org.moho.pipelines.seismo;

import java.util.List;
import java.util.function.Consumer;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/**
 * What {@code normalize} (feature vectors) and {@code seismo.normalize} (waveforms) share: each
 * record scaled on its own by {@link Normalization}, everything else kept, a record whose values
 * are all equal sent to errors as {@link Normalization#DEAD}. The two stages differ only in the
 * element type (and so in how a record's values are read and written back).
 */
abstract class NormalizeStage<T> implements PerRecordStage<NormalizeConfig> {
  private final Class<T> type;
  private final String port;

  NormalizeStage(Class<T> type, String port) {
    this.type = type;
    this.port = port;
  }

  @Override
  public Class<NormalizeConfig> configType() {
    return NormalizeConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of(port, type));
  }

  @Override
  public Class<?> output() {
    return type;
  }

  @Override
  public RecordFn<T, T> recordFn(NormalizeConfig config, StageContext ctx) {
    return new ScaleFn<>(config.mode(), type);
  }

  private record ScaleFn<T>(Normalization.Mode mode, Class<T> type) implements RecordFn<T, T> {
    @Override
    public void apply(T record, Consumer<T> out) throws RecordException {
      try {
        if (record instanceof Waveform w) {
          out.accept(type.cast(w.withSamples(Normalization.apply(w.samples(), mode))));
          return;
        }
        FeatureVector v = (FeatureVector) record;
        double[] x = new double[v.values().length];
        for (int i = 0; i < x.length; i++) x[i] = v.values()[i];
        double[] y = Normalization.apply(x, mode);
        float[] values = new float[y.length];
        for (int i = 0; i < y.length; i++) values[i] = (float) y[i];
        out.accept(type.cast(new FeatureVector(v.key(), values, v.metadata())));
      } catch (IllegalArgumentException e) {
        throw new RecordException(e.getMessage());
      }
    }

    @Override
    public String keyOf(T record) {
      return record instanceof Waveform w ? WaveformKeys.key(w) : ((FeatureVector) record).key();
    }
  }
}
