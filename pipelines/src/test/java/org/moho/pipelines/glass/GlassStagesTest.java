package org.moho.pipelines.glass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.models.glass.CsvRows;
import org.moho.models.glass.GlassTrainSettings;
import org.moho.models.glass.ViscosityEquation;
import org.moho.models.mlp.EnsembleGraph;

/** The wiring of glass.train → glass.predict and glass.curves on a small slice of the real database. */
class GlassStagesTest {
  @TempDir Path out;

  static List<Row> slice(int every) throws Exception {
    List<Row> rows = CsvRows.read(Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv"));
    List<String> names = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> (String) r.get("Name")).toList()));
    Set<String> keep = new HashSet<>();
    for (int i = 1; i < names.size(); i += every) keep.add(names.get(i));
    return rows.stream().filter(r -> keep.contains(r.get("Name"))).toList();
  }

  static GlassTrainConfig small(Path bundle) {
    return new GlassTrainConfig(bundle, GlassTrainSettings.Model.PHYSICS, 2, List.of(16, 16),
        EnsembleGraph.Activation.TANH, 12, 12, 256, 1e-2, 0.5, 3, 20261121L, 0.2, 0.1, List.of(1.0, 1.0, 1.0),
        ViscosityEquation.MYEGA, 0.95, true, true, "Name", "T", "viscosity", false);
  }

  @Test
  void trainsThenPredictsAndDrawsAndRefusesUntrainedOxides() throws Exception {
    List<Row> train = new ArrayList<>(slice(16));
    train.add(new Row("bad:1", Map.of("Name", "no-T", "sio2", 100.0, "viscosity", 3.0))); // no temperature
    Path bundle = out.resolve("model");
    // the i-Melt melts (Tg listed) at one temperature each, and a lithium silicate the model never saw
    List<Row> melts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Row r : CsvRows.read(Path.of(System.getProperty("moho.repo")).resolve("data/glass/imelt_data_for_post_analyses.csv"))) {
      if (seen.add((String) r.get("Name"))) melts.add(r);
    }
    melts.add(new Row("li", Map.of("Name", "Li2Si2O5", "sio2", 66.7, "li2o", 33.3, "T", 900.0)));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> rows = p.apply("Rows", Create.of(train).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple model = Pipeline.applyTransform("train", StageInputs.of(rows),
        new GlassTrain().create(small(bundle), new StageContext("train", out, out, false)));
    PCollection<Row> meltRows = p.apply("Melts", Create.of(melts).withCoder(SerializableCoder.of(Row.class)));
    PCollection<Row> modelRow = StageOutputs.main(model);
    PCollectionTuple predicted = Pipeline.applyTransform("predict", StageInputs.of(meltRows, modelRow),
        new GlassPredict().create(new GlassPredictConfig(null, "T", 1024), new StageContext("predict", out, out, false)));
    PCollectionTuple curves = Pipeline.applyTransform("curves", StageInputs.of(meltRows, modelRow),
        new GlassCurves().create(new GlassCurvesConfig(out.resolve("curves"), null, 600, 2500, 40, "Name", "T", "viscosity"),
            new StageContext("curves", out, out, false)));

    PAssert.that(StageOutputs.errors(model)).satisfies(errs -> {
      List<ErrorRecord> l = new ArrayList<>();
      errs.forEach(l::add);
      assertEquals(1, l.size());
      assertEquals("bad:1", l.get(0).key());
      assertTrue(l.get(0).reason().contains("T"), l.get(0).reason());
      return null;
    });
    String bundleName = bundle.toString(); // PAssert's check is serialized: no Path in it
    PAssert.that(modelRow).satisfies(it -> {
      Row r = it.iterator().next();
      assertEquals(bundleName, r.get("bundle"));
      assertTrue(r.number("test_rmse") > 0 && r.number("test_coverage_2sigma") > 0);
      return null;
    });
    PAssert.that(StageOutputs.<Row>main(predicted)).satisfies(it -> {
      int n = 0;
      for (Row r : it) {
        n++;
        assertTrue(r.number("pred_sigma") > 0 && r.number("pred_sigma") >= r.number("pred_sigma_ensemble"));
        assertTrue(Double.isFinite(r.number("pred_viscosity")) && Double.isFinite(r.number("pred_ag")));
        assertTrue(r.number("tg") > 300 && r.number("tg") < 3000, "Tg " + r.number("tg"));
        assertTrue(r.number("fragility") > 12 - (-3.0) - 10, "m " + r.number("fragility"));
        assertTrue(r.get("extrapolating") instanceof Boolean);
      }
      assertEquals(5, n);
      return null;
    });
    PAssert.that(StageOutputs.errors(predicted)).satisfies(errs -> {
      ErrorRecord e = errs.iterator().next();
      assertEquals("li", e.key());
      assertTrue(e.reason().startsWith("refused: composition contains li2o"), e.reason());
      return null;
    });
    PAssert.that(StageOutputs.errors(curves)).satisfies(errs -> {
      assertEquals("Li2Si2O5", errs.iterator().next().key());
      return null;
    });
    p.run().waitUntilFinish();

    assertTrue(Files.exists(bundle.resolve("model.json")) && Files.exists(bundle.resolve("loss.png")));
    for (String name : seen) assertTrue(Files.size(out.resolve("curves").resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png")) > 1000, name);
  }
}
