package org.moho.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/**
 * table.read → table.write to Parquet on the last 295 rows of data/glass/gpvisc_lp_viscosity_train.csv
 * (file lines 12001–12295, which hold the file's only missing values), read back with
 * parquet-avro's AvroParquetReader and the footer read with ParquetFileReader. Expected values are
 * those of Python's csv module on the same lines:
 * {@code python3 -c "import csv; r=list(csv.reader(open('data/glass/gpvisc_lp_viscosity_train.csv'))); ..."}
 * (295 rows; System empty in 218 of them, Name_publi in 1, at line 12078).
 */
class TableWriteParquetTest {
  static final Path GLASS = Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv");

  @Test
  void glassRowsRoundTripThroughParquet(@TempDir Path tmp) throws IOException {
    List<String> lines = Files.readAllLines(GLASS, StandardCharsets.UTF_8);
    List<String> slice = new ArrayList<>();
    slice.add(lines.get(0));
    slice.addAll(lines.subList(12000, 12295)); // file lines 12001..12295
    Path csv = tmp.resolve("glass_tail.csv");
    Files.write(csv, slice, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out/glass.parquet");

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    TableReadConfig read = new TableReadConfig(csv, "auto", Map.of("LineNumber", ColumnType.INT),
        List.of("", "NA", "NaN", "nan", "null", "N/A"), "#", List.of(), 1000);
    PCollection<Row> rows = StageOutputs.main(Pipeline.applyTransform("read", StageInputs.none(p),
        new TableRead().create(read, new StageContext("read", tmp, tmp, false))));
    PCollectionTuple written = Pipeline.applyTransform("write", StageInputs.of(rows),
        new TableWrite().create(new TableWriteConfig(out, TableFormat.AUTO, List.of(), true), new StageContext("write", tmp, tmp, false)));
    String outName = out.toString();
    PAssert.that(StageOutputs.<Row>main(written)).satisfies(desc -> {
      Row d = desc.iterator().next();
      assertEquals(295L, d.get("rows"));
      assertEquals(outName, d.get("path"));
      return null;
    });
    p.run().waitUntilFinish();

    // The footer: physical types, nullability, compression and the row count.
    try (ParquetFileReader f = ParquetFileReader.open(new LocalInputFile(out), ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      ParquetMetadata meta = f.getFooter();
      MessageType type = meta.getFileMetaData().getSchema();
      assertEquals(22, type.getFieldCount());
      assertEquals(295, f.getRecordCount());
      assertEquals(PrimitiveTypeName.BINARY, type.getType("Name").asPrimitiveType().getPrimitiveTypeName());
      assertEquals(PrimitiveTypeName.DOUBLE, type.getType("viscosity").asPrimitiveType().getPrimitiveTypeName());
      assertEquals(PrimitiveTypeName.DOUBLE, type.getType("sio2").asPrimitiveType().getPrimitiveTypeName());
      assertEquals(PrimitiveTypeName.INT64, type.getType("LineNumber").asPrimitiveType().getPrimitiveTypeName());
      assertEquals("Date_Update", type.getFieldName(19));
      for (Type t : type.getFields()) assertEquals(Type.Repetition.OPTIONAL, t.getRepetition(), t.getName());
      assertEquals(CompressionCodecName.UNCOMPRESSED, meta.getBlocks().get(0).getColumns().get(0).getCodec());
    }

    List<GenericRecord> records = new ArrayList<>();
    try (ParquetReader<GenericRecord> r = AvroParquetReader.genericRecordReader(new LocalInputFile(out), new PlainParquetConfiguration())) {
      for (GenericRecord g; (g = r.read()) != null; ) records.add(g);
    }
    assertEquals(295, records.size());
    Schema schema = records.get(0).getSchema();
    Schema.Field date = schema.getField("Date_Update");
    assertEquals("Date Update", date.doc());
    assertEquals("Date Update", date.getProp(AvroTableSchema.COLUMN_PROP));

    // Sorted by key (file:line) = file order: first is line 12001, last line 12295.
    GenericRecord first = records.get(0);
    assertEquals("staffmnkmcph_0_0_0_0_0_0_0_0_0_0_0_100", first.get("Name").toString());
    assertEquals(15076L, first.get("LineNumber"));
    GenericRecord last = records.get(294);
    assertEquals("staffmnkmcph_47,9_0,8_8,8_0,9_13,8_0,2_12,8_12,9_1,8_0,2_0_0", last.get("Name").toString());
    assertEquals(47.87, last.get("sio2"));
    assertEquals(13.77, last.get("fe2o3"));
    assertEquals(100.0, last.get("sum"));
    assertEquals(1422.15, last.get("T"));
    assertEquals(1.87, last.get("viscosity"));
    assertEquals("Soldati et al. 2024", last.get("ref").toString());
    assertEquals("JSP20210611\u2013004", last.get("Name_publi").toString()); // an en dash: UTF-8 survives
    assertEquals("19/06/24", last.get("Date_Update").toString());
    assertNull(last.get("System"));
    assertEquals(15440L, last.get("LineNumber"));

    // File line 12078 (row 78 of the slice): Name_publi and System missing → null.
    GenericRecord missing = records.get(12078 - 12001);
    assertEquals(15153L, missing.get("LineNumber"));
    assertEquals(80.0, missing.get("sio2"));
    assertEquals(20.0, missing.get("k2o"));
    assertEquals(3.23, missing.get("viscosity"));
    assertEquals("Dickinson et al. 1990", missing.get("ref").toString());
    assertNull(missing.get("Name_publi"));
    assertNull(missing.get("System"));

    assertEquals(218, records.stream().filter(g -> g.get("System") == null).count());
    assertEquals(1, records.stream().filter(g -> g.get("Name_publi") == null).count());
    for (GenericRecord g : records) {
      assertTrue(g.get("viscosity") instanceof Double);
      assertTrue(g.get("LineNumber") instanceof Long);
      assertFalse(g.get("Name") == null);
    }
    // Line numbers strictly increase, as in the file.
    for (int i = 1; i < records.size(); i++) {
      assertTrue((Long) records.get(i).get("LineNumber") > (Long) records.get(i - 1).get("LineNumber"));
    }
    assertEquals(List.of(), leftovers(out.getParent()));
  }

  @Test
  void schemaMapsKindsAndSanitisesNames() {
    List<Row> rows = List.of(
        new Row("a:1", Map.of("n", 3L, "x", 1.5, "b", true, "mixed", 2.0, "2nd col", "a")),
        new Row("a:2", Map.of("n", 4L, "x", 2L, "b", false, "mixed", "two", "2nd-col", "b")));
    AvroTableSchema t = AvroTableSchema.of(List.of("n", "x", "b", "mixed", "2nd col", "2nd-col", "never"), rows);
    Schema s = t.schema();
    assertEquals(List.of("n", "x", "b", "mixed", "_2nd_col", "_2nd_col_2", "never"), s.getFields().stream().map(Schema.Field::name).toList());
    assertEquals(Schema.Type.LONG, s.getField("n").schema().getTypes().get(1).getType());
    assertEquals(Schema.Type.DOUBLE, s.getField("x").schema().getTypes().get(1).getType());
    assertEquals(Schema.Type.BOOLEAN, s.getField("b").schema().getTypes().get(1).getType());
    assertEquals(Schema.Type.STRING, s.getField("mixed").schema().getTypes().get(1).getType());
    assertEquals(Schema.Type.STRING, s.getField("never").schema().getTypes().get(1).getType());
    for (Schema.Field f : s.getFields()) assertEquals(Schema.Type.NULL, f.schema().getTypes().get(0).getType(), f.name());
    assertEquals(2.0, t.value(rows.get(1), 1)); // a long in a double column is widened
    assertEquals("2.0", t.value(rows.get(0), 3)); // a number in a mixed column is written as CSV would
    assertNull(t.value(rows.get(0), 5));
  }

  @Test
  void formatFollowsExtension() {
    assertEquals(TableFormat.PARQUET, TableFormat.AUTO.resolve("a.parquet"));
    assertEquals(TableFormat.PARQUET, TableFormat.AUTO.resolve("A.PQ"));
    assertEquals(TableFormat.CSV, TableFormat.AUTO.resolve("a.csv"));
    assertEquals(TableFormat.PARQUET, TableFormat.PARQUET.resolve("a.csv"));
  }

  private static List<String> leftovers(Path folder) throws IOException {
    try (var s = Files.list(folder)) {
      return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }
}
