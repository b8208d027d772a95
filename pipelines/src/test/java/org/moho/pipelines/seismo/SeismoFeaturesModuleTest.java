package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moho.core.stage.StageRegistry;

/** The stages are found through ServiceLoader, as a spec's {@code use:} finds them. */
class SeismoFeaturesModuleTest {
  @Test
  void registersTheFiveStages() {
    StageRegistry registry = StageRegistry.discover();
    for (String name : new String[] {"seismo.preprocess", "seismo.windows", "seismo.spectrum", "seismo.normalize", "normalize"}) {
      assertTrue(registry.find(name).isPresent(), name);
      assertTrue(!registry.find(name).get().example().isBlank(), name + " example");
    }
    assertEquals(SeismoSpectrum.class, registry.find("seismo.spectrum").get().getClass());
  }
}
