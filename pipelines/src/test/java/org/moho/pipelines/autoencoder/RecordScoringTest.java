package org.moho.pipelines.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.bundle.ModelBundle;

class RecordScoringTest {
  @Test
  void allFiniteAgreesWithFloatIsFiniteOnEveryKindOfFloat() {
    float[] kinds = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xff800001),
        1e-40f, 3.4e38f, Math.nextDown(Float.POSITIVE_INFINITY)};
    for (float k : kinds) {
      for (int at : new int[] {0, 5, 31}) {
        float[] v = new float[32];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.37f - 4;
        v[at] = k;
        assertEquals(Float.isFinite(k), RecordScoring.allFinite(v, 0, v.length), k + " at " + at);
        assertEquals(true, RecordScoring.allFinite(v, at + 1, v.length - at - 1), "the range after " + at);
      }
    }
    assertEquals(true, RecordScoring.allFinite(new float[0], 0, 0));
  }

  @Test
  void patchesAmongFeatureVectorsKeepTheirCentres(@TempDir Path tmp) throws Exception {
    List<Patch> patches = RealRecords.topoPatches(8, 4, 40);
    ModelBundle.write(tmp, new AutoencoderTrainer(AutoencoderConfig.dense(List.of(8)).withTraining(1, 16, 3e-3, 3))
        .train(TrainingData.of(patches.stream().map(Patch::values).toArray(float[][]::new))));
    ReconstructionErrorScorer scorer = ReconstructionErrorScorer.load(tmp);
    Patch p = patches.get(3);
    FeatureVector f = new FeatureVector("fv", p.values().clone(), Map.of("station", "X"));

    Row[] all = RecordScoring.score(scorer, List.<KeyedValues>of(p, p), false, false);
    Row[] mixed = RecordScoring.score(scorer, List.<KeyedValues>of(p, f), false, false);
    assertEquals(List.copyOf(all[0].values().keySet()).subList(0, 4), List.of("lon", "lat", "mse", "e"));
    assertEquals(p.lon(), mixed[0].number("lon"));
    assertEquals(p.lat(), mixed[0].number("lat"));
    assertEquals(all[0].number("mse"), mixed[0].number("mse"));
    assertEquals(false, mixed[1].has("lon"));
    assertEquals("X", mixed[1].get("station"));
    assertEquals(all[0].number("mse"), mixed[1].number("mse"), 1e-12, "the same values score the same");
  }
}
