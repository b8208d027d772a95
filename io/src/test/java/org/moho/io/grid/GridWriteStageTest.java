package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/** grid.read → grid.write on the DirectRunner: files, rows, and the error for missing tiles. */
class GridWriteStageTest {
  private static final Path DATA = GmtReference.REPO.resolve("data/bathymetry");

  @Test
  void writesEachGridOnceFromItsTiles(@TempDir Path tmp) throws IOException {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    StageContext read = new StageContext("topo", tmp, tmp, false);
    PCollectionTuple tiles = Pipeline.applyTransform("topo", StageInputs.none(p), new GridRead().create(
        new GridReadConfig(DATA.resolve("tut_bathy.nc"), GridFormat.AUTO, null, 32, 4, "keep", ZUnits.KEEP), read));
    PCollection<GridTile> main = StageOutputs.main(tiles);
    PCollectionTuple nc = Pipeline.applyTransform("save_nc", StageInputs.of(main), new GridWrite().create(
        new GridWriteConfig(tmp.resolve("{name}_copy.nc"), GridFormat.AUTO, "copy"), new StageContext("save_nc", tmp, tmp, false)));
    PCollectionTuple asc = Pipeline.applyTransform("save_asc", StageInputs.of(main), new GridWrite().create(
        new GridWriteConfig(tmp.resolve("{name}_copy.asc"), GridFormat.AUTO, "copy"), new StageContext("save_asc", tmp, tmp, false)));
    // One tile fewer: the grid is incomplete, so no file and an error record naming it.
    PCollection<GridTile> holed = main.apply("DropOne", Filter.by((GridTile t) -> !(t.col0() == 28 && t.row0() == 28)));
    PCollectionTuple broken = Pipeline.applyTransform("save_broken", StageInputs.of(holed), new GridWrite().create(
        new GridWriteConfig(tmp.resolve("broken.nc"), GridFormat.AUTO, "x"), new StageContext("save_broken", tmp, tmp, false)));

    String ncPath = tmp.resolve("tut_bathy_copy.nc").toString();
    String ascPath = tmp.resolve("tut_bathy_copy.asc").toString();
    String brokenPath = tmp.resolve("broken.nc").toString();
    PAssert.that(StageOutputs.<Row>main(nc)).satisfies(rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      assertEquals(1, list.size());
      Row r = list.get(0);
      assertEquals(ncPath, r.get("path"));
      assertEquals("netcdf", r.get("format"));
      assertEquals(73L, r.get("nx"));
      assertEquals(61L, r.get("ny"));
      assertEquals(4453L, r.get("nodes"));
      return null;
    });
    PAssert.that(StageOutputs.<Row>main(asc)).satisfies(rows -> {
      Row r = rows.iterator().next();
      assertEquals(ascPath, r.get("path"));
      assertEquals("esri", r.get("format"));
      return null;
    });
    PAssert.that(StageOutputs.errors(nc)).satisfies(GridReadStageTest::none);
    PAssert.that(StageOutputs.<Row>main(broken)).satisfies(GridReadStageTest::none);
    PAssert.that(StageOutputs.errors(broken)).satisfies(errors -> {
      ErrorRecord e = errors.iterator().next();
      assertEquals("save_broken", e.stage());
      assertEquals(brokenPath, e.key());
      assertTrue(e.reason().startsWith("no tile covers node (32, 32)"), e.reason());
      return null;
    });
    p.run().waitUntilFinish();

    assertFalse(Files.exists(tmp.resolve("broken.nc")));
    try (GridFile original = GridFormat.AUTO.open(DATA.resolve("tut_bathy.nc"), null);
        GridFile a = GridFormat.AUTO.open(tmp.resolve("tut_bathy_copy.nc"), null);
        GridFile b = GridFormat.AUTO.open(tmp.resolve("tut_bathy_copy.asc"), null)) {
      float[] v = original.readRows(0, 61);
      assertTrue(Arrays.equals(v, a.readRows(0, 61)));
      assertTrue(Arrays.equals(v, b.readRows(0, 61)));
      assertEquals("m", a.header().units());
    }
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temporary files left");
    }
  }
}
