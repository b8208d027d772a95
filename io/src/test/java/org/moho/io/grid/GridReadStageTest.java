package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

class GridReadStageTest {
  private static final Path DATA = GmtReference.REPO.resolve("data/bathymetry");

  /** For PAssert.satisfies: the collection is empty (PAssert's own empty() needs hamcrest). */
  static Void none(Iterable<?> items) {
    java.util.Iterator<?> it = items.iterator();
    assertTrue(!it.hasNext(), () -> "expected nothing, got " + it.next());
    return null;
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  private static PCollectionTuple read(Pipeline p, GridReadConfig config, Path tmp) {
    return Pipeline.applyTransform("topo", StageInputs.none(p),
        new GridRead().create(config, new StageContext("topo", tmp, tmp, false)));
  }

  /** pac_residual_topo (600 x 456) in 128-node tiles with an 8-node halo. */
  @Test
  void tilesCoverEveryNodeOnceAndCarryTheHalo(@TempDir Path tmp) throws IOException {
    float[] all;
    try (GridFile f = GridFormat.AUTO.open(DATA.resolve("pac_residual_topo.nc"), null)) {
      all = f.readRows(0, 456);
    }
    Pipeline p = pipeline();
    PCollectionTuple out = read(p, new GridReadConfig(DATA.resolve("pac_residual_topo.nc"), GridFormat.AUTO, null, 128, 8, "keep", ZUnits.KEEP), tmp);
    PAssert.that(StageOutputs.errors(out)).satisfies(GridReadStageTest::none);
    PAssert.that(StageOutputs.<GridTile>main(out)).satisfies(tiles -> {
      int[] covered = new int[600 * 456];
      int n = 0;
      for (GridTile t : tiles) {
        n++;
        assertEquals(600, t.gridNx());
        assertEquals(456, t.gridNy());
        assertEquals(org.moho.core.data.Registration.PIXEL, t.registration());
        for (int j = 0; j < t.ny(); j++) {
          for (int i = 0; i < t.nx(); i++) {
            int gi = t.col0() + i;
            int gj = t.row0() + j;
            boolean inside = gi >= 0 && gi < 600 && gj >= 0 && gj < 456;
            if (t.interior(i, j)) covered[gj * 600 + gi]++;
            if (inside) assertEquals(all[gj * 600 + gi], t.at(i, j), 0f);
            else assertTrue(Float.isNaN(t.at(i, j)));
          }
        }
        // grd2xyz: the south-west node 160.041666667 17.0416666667 is at global (0, 0).
        if (t.col0() == -8 && t.row0() == -8) {
          assertEquals(160.041666667, t.x(8), 1e-9);
          assertEquals(17.0416666667, t.y(8), 1e-9);
        }
      }
      assertEquals(20, n);
      for (int c : covered) assertEquals(1, c);
      return null;
    });
    p.run().waitUntilFinish();
  }

  /** units and longitudes reach the tiles: HI_topo_04 in m and in -180..180. */
  @Test
  void unitsAndLongitudesApply(@TempDir Path tmp) {
    Pipeline p = pipeline();
    PCollectionTuple out = read(p, new GridReadConfig(DATA.resolve("HI_topo_04.nc"), GridFormat.AUTO, null, 256, 0, "180", ZUnits.M), tmp);
    PAssert.that(StageOutputs.errors(out)).satisfies(GridReadStageTest::none);
    PAssert.that(StageOutputs.<GridTile>main(out)).satisfies(tiles -> {
      List<GridTile> list = new ArrayList<>();
      tiles.forEach(list::add);
      assertEquals(1, list.size());
      GridTile t = list.get(0);
      assertEquals("m", t.units());
      assertEquals(-165, t.x(0), 1e-9);
      assertEquals(-5599f, t.at(180, 0)); // grd2xyz: 210 18 -5.599 km
      assertEquals(-5001f, t.at(0, 84)); // grd2xyz: 195 25 -5.001 km
      return null;
    });
    p.run().waitUntilFinish();
  }

  /** Truncated copies of real files: an error record naming the file and why, no tiles, no exception. */
  @Test
  void truncatedFilesBecomeErrorRecords(@TempDir Path tmp) throws IOException {
    for (String name : List.of("tut_bathy.nc", "pac_residual_topo.nc")) {
      byte[] bytes = Files.readAllBytes(DATA.resolve(name));
      Path cutPath = tmp.resolve("cut_" + name);
      Files.write(cutPath, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
      String cut = cutPath.toString();
      Pipeline p = pipeline();
      PCollectionTuple out = read(p, new GridReadConfig(cutPath, GridFormat.AUTO, null, 64, 4, "keep", ZUnits.KEEP), tmp);
      PAssert.that(StageOutputs.<GridTile>main(out)).satisfies(GridReadStageTest::none);
      PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
        List<ErrorRecord> list = new ArrayList<>();
        errors.forEach(list::add);
        assertTrue(!list.isEmpty());
        for (ErrorRecord e : list) {
          assertEquals("topo", e.stage());
          assertTrue(e.key().startsWith(cut), e.key());
          if (name.equals("tut_bathy.nc")) {
            assertEquals(1, list.size());
            assertTrue(e.reason().startsWith("truncated: variable z needs bytes"), e.reason());
          } else {
            assertTrue(e.reason().startsWith("cannot read netCDF-4/HDF5"), e.reason());
          }
        }
        return null;
      });
      p.run().waitUntilFinish();
    }
  }
}
