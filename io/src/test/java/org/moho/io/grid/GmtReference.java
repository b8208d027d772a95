package org.moho.io.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Values GMT 6.4 printed for a bundled grid (io/src/test/resources/gmt/README.md). */
record GmtReference(
    double west, double east, double south, double north, double zMin, double zMax, double dx, double dy,
    int nx, int ny, int registration, double mean, double stdev, long nonNaN, List<double[]> samples, List<double[]> nonNaNSamples) {

  static final Path REPO = Path.of(System.getProperty("moho.repo"));
  static final Path DIR = REPO.resolve("io/src/test/resources/gmt");
  static final List<String> GRIDS = List.of("HI_topo_02_north17", "HI_topo_04", "pac_residual_topo", "tut_bathy");

  static java.util.stream.Stream<String> grids() {
    return GRIDS.stream();
  }

  static GmtReference of(String grid) throws IOException {
    String[] c = Files.readString(DIR.resolve(grid + ".grdinfo.txt")).trim().split("\t");
    String[] l = Files.readString(DIR.resolve(grid + ".grdinfo-L2.txt")).trim().split("\t");
    long count = -1;
    for (String line : Files.readAllLines(DIR.resolve("non-nan-counts.txt"))) {
      String[] f = line.split(" ");
      if (f[0].equals(grid + ".nc")) count = Long.parseLong(f[1]);
    }
    return new GmtReference(d(c[1]), d(c[2]), d(c[3]), d(c[4]), d(c[5]), d(c[6]), d(c[7]), d(c[8]),
        Integer.parseInt(c[9]), Integer.parseInt(c[10]), Integer.parseInt(c[11]), d(l[11]), d(l[12]), count,
        xyz(DIR.resolve(grid + ".grd2xyz-samples.txt")), xyz(DIR.resolve(grid + ".grd2xyz-s-samples.txt")));
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }

  private static List<double[]> xyz(Path p) throws IOException {
    List<double[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(p)) {
      String[] f = line.trim().split("\t");
      out.add(new double[] {d(f[0]), d(f[1]), f[2].equals("NaN") ? Double.NaN : d(f[2])});
    }
    return out;
  }
}
