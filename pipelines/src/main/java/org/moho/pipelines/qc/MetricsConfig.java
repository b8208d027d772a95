package org.moho.pipelines.qc;

import java.io.Serializable;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code seismo.metrics}. */
public record MetricsConfig(
    @Doc("shortest run of identical samples counted in zero_fraction and flat_fraction") @Default("4") int minRun,
    @Doc("spike_count counts second-difference residuals above spike_k × their MAD sigma") @Default("8") double spikeK)
    implements Serializable {

  public MetricsConfig {
    ConfigException.check(minRun >= 2, "min_run", "must be >= 2, got " + minRun);
    ConfigException.check(spikeK > 0, "spike_k", "must be > 0, got " + spikeK);
  }

  QcMetrics.Settings settings() {
    return new QcMetrics.Settings(minRun, spikeK);
  }
}
