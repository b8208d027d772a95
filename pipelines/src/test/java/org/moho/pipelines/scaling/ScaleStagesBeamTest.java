package org.moho.pipelines.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/** scale.fit then scale.apply on the DirectRunner, with the real glass compositions. */
class ScaleStagesBeamTest {
  @TempDir Path dir;

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  private StageContext ctx(String id) {
    return new StageContext(id, dir, dir, false);
  }

  /** Fits on 2,000 real compositions; the artifact equals the in-memory fit; apply reproduces it. */
  @Test
  void fitWritesTheArtifactAndApplyUsesItUnchanged() throws IOException {
    List<FeatureVector> train = FittedScalerTest.glassVectors().subList(0, 2000);
    Pipeline p = pipeline();
    // Any element type may reach scale.fit's port; a Row among the vectors must land in errors.
    List<java.io.Serializable> elements = new ArrayList<>(train);
    elements.add(new Row("r:1", Map.of("x", 1.0)));
    PCollection<java.io.Serializable> withBad = p.apply("train", Create.of(elements).withCoder(SerializableCoder.of(java.io.Serializable.class)));
    PCollectionTuple out = Pipeline.applyTransform("scaler", StageInputs.of(withBad),
        new ScaleFit().create(new ScaleFitConfig(FittedScaler.Method.STANDARD, null), ctx("scaler")));
    Path artifact = dir.resolve("scaler.scaler.json");
    String artifactName = artifact.toString();
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(rows -> {
      List<Row> l = new ArrayList<>();
      rows.forEach(l::add);
      assertEquals(1, l.size());
      assertEquals(artifactName, l.get(0).get("artifact"));
      assertEquals(2000L, l.get(0).get("records"));
      assertEquals(12L, l.get(0).get("length"));
      assertEquals(FittedScalerTest.GLASS.fingerprint(), l.get(0).get("fingerprint"));
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      List<ErrorRecord> l = new ArrayList<>();
      errs.forEach(l::add);
      assertEquals(1, l.size());
      assertTrue(l.get(0).reason().contains("FeatureVector or Patch, got Row"), l.get(0).reason());
      return null;
    });
    p.run().waitUntilFinish();

    FittedScaler expected = FittedScaler.fit(FittedScaler.Method.STANDARD, FittedScalerTest.GLASS,
        train.stream().map(FeatureVector::values).toList());
    FittedScaler written = FittedScaler.fromJson(Files.readString(artifact));
    assertEquals(2000, written.records());
    for (int i = 0; i < 12; i++) {
      assertEquals(expected.mean()[i], written.mean()[i], 1e-9);
      assertEquals(expected.std()[i], written.std()[i], 1e-9);
    }
    assertTrue(Files.list(dir).noneMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temporary file left");

    List<FeatureVector> score = new ArrayList<>(FittedScalerTest.glassVectors().subList(5000, 5010));
    Pipeline p2 = pipeline();
    PCollection<FeatureVector> s = p2.apply(Create.of(score).withCoder(SerializableCoder.of(FeatureVector.class)));
    PCollectionTuple scaled = Pipeline.applyTransform("scaled", StageInputs.of(s),
        new ScaleApply().create(new ScaleApplyConfig(artifact, 12, null), ctx("scaled")));
    PAssert.that(StageOutputs.<FeatureVector>main(scaled)).satisfies(vs -> {
      int n = 0;
      for (FeatureVector v : vs) {
        FeatureVector original = score.stream().filter(o -> o.key().equals(v.key())).findFirst().orElseThrow();
        assertArrayEquals(written.apply(original.values()), v.values());
        n++;
      }
      assertEquals(10, n);
      return null;
    });
    p2.run().waitUntilFinish();
  }

  @Test
  void applyRefusesAnArtifactOfAnotherLayout() throws IOException {
    FittedScaler s = FittedScaler.fit(FittedScaler.Method.MINMAX, FittedScalerTest.GLASS, List.of(new float[12], new float[12]));
    Path artifact = dir.resolve("glass.json");
    Files.writeString(artifact, s.toJson());
    // At build time: the config expects 9 features.
    Pipeline p = pipeline();
    PCollection<FeatureVector> in = p.apply(Create.of(new FeatureVector("k", new float[9], Map.of())).withCoder(SerializableCoder.of(FeatureVector.class)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipeline.applyTransform("scaled",
        StageInputs.of(in), new ScaleApply().create(new ScaleApplyConfig(artifact, 9, null), ctx("scaled"))));
    assertTrue(e.getMessage().contains(artifact.toString()) && e.getMessage().contains("vector of 9 features")
        && e.getMessage().contains("vector of 12 features"), e.getMessage());
    // At run time: vectors of 9 features reach an artifact of 12.
    Pipeline p2 = pipeline();
    PCollection<FeatureVector> in2 = p2.apply(Create.of(new FeatureVector("k", new float[9], Map.of())).withCoder(SerializableCoder.of(FeatureVector.class)));
    Pipeline.applyTransform("scaled", StageInputs.of(in2), new ScaleApply().create(new ScaleApplyConfig(artifact, null, null), ctx("scaled")));
    Exception run = assertThrows(Exception.class, () -> p2.run().waitUntilFinish());
    assertTrue(String.valueOf(run.getMessage()).contains("was fitted on vector of 12 features"), run.getMessage());
    // A missing artifact fails at build time, naming it.
    Path missing = dir.resolve("nope.json");
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> Pipeline.applyTransform("again",
        StageInputs.of(in), new ScaleApply().create(new ScaleApplyConfig(missing, null, null), ctx("again"))));
    assertTrue(m.getMessage().contains("nope.json"), m.getMessage());
  }
}
