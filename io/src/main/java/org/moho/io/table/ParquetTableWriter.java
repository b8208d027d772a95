package org.moho.io.table;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.moho.core.data.Row;

/**
 * Writes rows as one Parquet file (uncompressed, one row group per 128 MB) with the schema of
 * {@link AvroTableSchema}, in the order given.
 *
 * <p>Why parquet-avro directly and not Beam's ParquetIO: beam-sdks-java-io-parquet is not in the
 * package registry at our Beam version (2.70.0), and table.write gathers the rows on one worker
 * to write a single sorted file anyway, so ParquetIO's sharded sink would add nothing. The writer
 * gets a {@link PlainParquetConfiguration} and a stream-backed output file, so no Hadoop
 * {@code Configuration} or {@code FileSystem} is created and the job jar carries no Hadoop.
 * Uncompressed because every codec of parquet-hadoop 1.15 (Snappy, ZSTD, gzip) goes through
 * Hadoop's {@code CompressionCodec} classes; Parquet's dictionary and RLE encodings still apply.
 */
final class ParquetTableWriter {
  private ParquetTableWriter() {}

  /** Writes {@code rows} to {@code out} (left open) and returns how many were written. */
  static long write(OutputStream out, AvroTableSchema table, Iterable<Row> rows) throws IOException {
    long n = 0;
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(out))
        .withConf(new PlainParquetConfiguration())
        .withDataModel(GenericData.get())
        .withSchema(table.schema())
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .build()) {
      for (Row r : rows) {
        GenericData.Record rec = new GenericData.Record(table.schema());
        for (int i = 0; i < table.size(); i++) rec.put(i, table.value(r, i));
        w.write(rec);
        n++;
      }
    }
    return n;
  }
}
