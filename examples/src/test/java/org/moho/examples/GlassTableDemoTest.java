package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glass-table example on the real GP-visc table (12,294 rows): every row read ends as an
 * output row or an error row, and run.json holds those counts. Reference selection size
 * computed independently with Python's csv module:
 * {@code python3 -c "import csv; r=list(csv.DictReader(open('data/glass/gpvisc_lp_viscosity_train.csv')));
 * print(len(r), sum(float(x['T'])>1000 and float(x['sio2'])>=50 for x in r))"} → 12294 6124.
 */
class GlassTableDemoTest {
  @TempDir Path out;

  @Test
  void rowsInEqualRowsOutPlusErrorsAndRunJsonSaysSo() throws Exception {
    MohoRuns.Result r = MohoRuns.moho("run", MohoRuns.REPO.resolve("examples/pipelines/glass-table.yaml").toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err() + r.out());

    JsonObject run = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
    assertEquals("succeeded", run.get("status").getAsString());
    JsonArray stages = run.getAsJsonArray("stages");
    JsonObject visc = stages.get(0).getAsJsonObject();
    assertEquals("visc", visc.get("id").getAsString());
    assertEquals(12_294, visc.get("in").getAsLong());
    assertEquals(visc.get("in").getAsLong(), visc.get("out").getAsLong() + visc.get("errors").getAsLong());
    JsonObject silicic = stages.get(1).getAsJsonObject();
    long filtered = silicic.getAsJsonObject("counters").get("filtered").getAsLong();
    assertEquals(silicic.get("in").getAsLong(), silicic.get("out").getAsLong() + silicic.get("errors").getAsLong() + filtered);
    assertEquals(6_124, silicic.get("out").getAsLong());

    List<String> csv = Files.readAllLines(out.resolve("silicic_melts.csv"));
    assertEquals("Name,sio2,al2o3,na2o,k2o,cao,mgo,T,viscosity", csv.get(0));
    assertEquals(6_124 + 1, csv.size());
    assertEquals(6_124, Files.readAllLines(out.resolve("silicic_melts.jsonl")).size());
    // Parquet, written with no Hadoop on this module's class path (as in the job jar): the file
    // opens and closes with the magic "PAR1" and the footer length fits inside it. Its content is
    // read back in io's TableWriteParquetTest.
    byte[] parquet = Files.readAllBytes(out.resolve("silicic_melts.parquet"));
    assertEquals("PAR1", new String(parquet, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("PAR1", new String(parquet, parquet.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
    int footer = java.nio.ByteBuffer.wrap(parquet, parquet.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    assertTrue(footer > 0 && footer < parquet.length - 12, "footer length " + footer);
    assertTrue(new String(parquet, parquet.length - 8 - footer, footer, java.nio.charset.StandardCharsets.ISO_8859_1).contains("viscosity"));
    assertTrue(r.out().contains("succeeded"), r.out());
  }

  @Test
  void malformedRowsGoToTheErrorsOutputWithFileAndLine(@TempDir Path dir) throws Exception {
    // The real table's first rows, with two rows broken the ways real files break.
    List<String> lines = Files.readAllLines(MohoRuns.REPO.resolve("data/glass/gpvisc_lp_viscosity_train.csv")).subList(0, 40);
    lines = new java.util.ArrayList<>(lines);
    lines.set(10, lines.get(10).replace("\",50,0,", "\",abc,0,")); // a word where sio2 should be
    lines.set(20, lines.get(20).substring(0, lines.get(20).lastIndexOf(','))); // a field missing
    Path table = dir.resolve("visc.csv");
    Files.write(table, lines);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, """
        pipeline: {name: broken}
        stages:
          - {id: visc, use: table.read, with: {path: visc.csv, types: {Name: string, ref: string, Name_publi: string, System: string, Date Update: string}}}
          - {id: save, use: table.write, from: visc, with: {path: "${out}/rows.csv"}}
        """);
    MohoRuns.Result r = MohoRuns.moho("run", spec.toString(), "--out", dir.resolve("o").toString());
    assertEquals(0, r.code(), r.err());
    List<String> errors = Files.readAllLines(dir.resolve("o/errors/visc.jsonl"));
    assertEquals(2, errors.size(), errors.toString());
    String all = String.join("\n", errors);
    assertTrue(all.contains("\"key\":\"visc.csv:11\"") && all.contains("column 'sio2' holds 'abc', which is not a number"), all);
    assertTrue(all.contains("\"key\":\"visc.csv:21\"") && all.contains("expected 22 fields, got 21"), all);
    assertEquals(39 - 2 + 1, Files.readAllLines(dir.resolve("o/rows.csv")).size());
  }
}
