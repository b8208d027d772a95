package org.moho.pipelines.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;

/** Every 4th node of the real Pacific grid as rows, put back into a grid: the same values, NaN where no row was. */
class PointsToGridTest {
  @Test
  void rowsOnALatticeBecomeTheGridOfThatLattice() throws Exception {
    Path asc = Path.of(System.getProperty("moho.repo")).resolve("data/bathymetry/pac_residual_topo.asc");
    List<String> lines = Files.readAllLines(asc);
    int ncols = Integer.parseInt(lines.get(0).split("\\s+")[1]), nrows = Integer.parseInt(lines.get(1).split("\\s+")[1]);
    double xll = Double.parseDouble(lines.get(2).split("\\s+")[1]), yll = Double.parseDouble(lines.get(3).split("\\s+")[1]);
    double cell = Double.parseDouble(lines.get(4).split("\\s+")[1]);
    List<Row> rows = new ArrayList<>();
    float[] expected = null;
    int stride = 4, nx = (ncols + stride - 1) / stride, ny = (nrows + stride - 1) / stride;
    expected = new float[nx * ny];
    java.util.Arrays.fill(expected, Float.NaN);
    for (int r = 0; r < nrows; r++) {
      String[] v = lines.get(6 + r).trim().split("\\s+");
      int row = nrows - 1 - r; // ESRI rows run north to south
      if (row % stride != 0) continue;
      for (int c = 0; c < ncols; c += stride) {
        double z = Double.parseDouble(v[c]);
        if (z == -99999 || (r == 7 && c == 8)) continue; // one real node left out on purpose
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lon", xll + (c + 0.5) * cell);
        m.put("lat", yll + (row + 0.5) * cell);
        m.put("e", z);
        rows.add(new Row(c + "," + row, m));
        expected[(row / stride) * nx + c / stride] = (float) z;
      }
    }
    rows.add(new Row("broken", Map.of("lon", 170.0, "lat", 20.0)));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> in = p.apply(Create.of(rows).withCoder(WithErrors.coder(p, Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("grid", StageInputs.of(in), new PointsToGrid().create(
        new PointsToGrid.Config("e", "lon", "lat", "scores", "m", 20_000_000L), new StageContext("grid", Path.of("."), Path.of("."), false)));
    float[] want = expected;
    PAssert.that(StageOutputs.<GridTile>main(out)).satisfies(tiles -> {
      GridTile t = tiles.iterator().next();
      assertEquals(nx, t.nx());
      assertEquals(ny, t.ny());
      assertEquals(xll + 0.5 * cell, t.x0(), 1e-9);
      assertEquals(stride * cell, t.dx(), 1e-9);
      for (int k = 0; k < want.length; k++) assertEquals(want[k], t.values()[k], 0f, "node " + k);
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      ErrorRecord e = errs.iterator().next();
      assertEquals("broken", e.key());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
