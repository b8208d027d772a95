package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageRegistry;

/** The QC stages are found through ServiceLoader, as a spec's {@code use:} finds them. */
class SeismoQcModuleTest {
  @Test
  void registersTheQcStages() {
    StageRegistry registry = StageRegistry.discover();
    for (String name : new String[] {"seismo.damage", "seismo.damage-waveforms", "seismo.metrics", "qc.rules", "qc.descriptor"}) {
      assertTrue(registry.find(name).isPresent(), name);
      assertTrue(!registry.find(name).get().example().isBlank(), name + " example");
    }
    assertEquals(FeatureVector.class, registry.find("seismo.damage").get().output());
    assertEquals(Waveform.class, registry.find("seismo.damage-waveforms").get().output());
    assertEquals(FeatureVector.class, registry.find("seismo.metrics").get().output());
    assertEquals(Row.class, registry.find("qc.rules").get().output());
    assertEquals(FeatureVector.class, registry.find("qc.descriptor").get().output());
    assertTrue(registry.find("qc.rules").get().inputs().get(1).optional());
  }
}
