package org.moho.pipelines.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.models.glass.CsvRows;
import org.moho.models.mlp.EnsembleGraph;

/** mlp.train → mlp.predict, regression and classification, on real rows of the glass database. */
class MlpStagesTest {
  @TempDir Path out;

  static final Set<String> SYSTEMS = Set.of("sio2al2o3cao", "sio2al2o3na2o", "sio2al2o3mgo");

  static List<Row> rows() throws Exception {
    List<Row> out = new ArrayList<>();
    for (Row r : CsvRows.read(Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv"))) {
      if (SYSTEMS.contains(String.valueOf(r.get("System")))) out.add(r.with("inv_t", 1000.0 / r.number("T")));
    }
    return out;
  }

  @Test
  void classifiesTheOxideSystemOfHeldOutMelts() throws Exception {
    Path bundle = out.resolve("clf");
    MlpTrainConfig c = new MlpTrainConfig(bundle, List.of("sio2", "al2o3", "cao", "na2o", "mgo"), "System",
        MlpTrainConfig.Task.CLASSIFICATION, 2, List.of(16), EnsembleGraph.Activation.RELU, 15, 15, 256, 1e-2, 5,
        "Name", 20261121L, 0.2, 0.1, false);
    List<Row> rows = rows();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> in = p.apply(Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple model = Pipeline.applyTransform("clf", StageInputs.of(in), new MlpTrain().create(c, new StageContext("clf", out, out, false)));
    PCollectionTuple scored = Pipeline.applyTransform("score", StageInputs.of(in, StageOutputs.<Row>main(model)),
        new MlpPredict().create(new MlpPredictConfig(null, 512), new StageContext("score", out, out, false)));
    PAssert.that(StageOutputs.<Row>main(model)).satisfies(it -> {
      Row r = it.iterator().next();
      // which of CaO, Na2O, MgO is present decides the system: held-out melts are nearly all right
      assertTrue(r.number("test_accuracy") > 0.9, "accuracy " + r.number("test_accuracy"));
      return null;
    });
    PAssert.that(StageOutputs.<Row>main(scored)).satisfies(it -> {
      int n = 0, right = 0;
      for (Row r : it) {
        n++;
        if (r.get("prediction").equals(r.get("System"))) right++;
        assertTrue(r.number("probability") >= 1.0 / 3);
      }
      assertEquals(rows.size(), n);
      assertTrue(right > 0.9 * n);
      return null;
    });
    p.run().waitUntilFinish();
    assertTrue(Files.readString(bundle.resolve("model.json")).contains("\"by\": \"Name\""));
  }

  @Test
  void regressesViscosityAndSendsRowsWithoutAFeatureToErrors() throws Exception {
    Path bundle = out.resolve("reg");
    MlpTrainConfig c = new MlpTrainConfig(bundle, List.of("sio2", "al2o3", "cao", "na2o", "mgo", "inv_t"), "viscosity",
        MlpTrainConfig.Task.REGRESSION, 2, List.of(32, 32), EnsembleGraph.Activation.RELU, 30, 30, 256, 3e-3, 5,
        "Name", 20261121L, 0.2, 0.1, false);
    List<Row> rows = new ArrayList<>(rows());
    rows.add(new Row("bad", Map.of("sio2", 70.0, "viscosity", 5.0)));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> in = p.apply(Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple model = Pipeline.applyTransform("reg", StageInputs.of(in), new MlpTrain().create(c, new StageContext("reg", out, out, false)));
    PAssert.that(StageOutputs.<Row>main(model)).satisfies(it -> {
      Row r = it.iterator().next();
      // viscosities span ~13 log units; a committee that learned nothing would be off by ~3.5
      assertTrue(r.number("test_rmse") < 1.5, "rmse " + r.number("test_rmse"));
      return null;
    });
    PAssert.that(StageOutputs.errors(model)).satisfies(errs -> {
      assertEquals("bad", errs.iterator().next().key());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
