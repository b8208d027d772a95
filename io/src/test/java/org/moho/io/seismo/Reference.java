package org.moho.io.seismo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The independent readings in src/test/resources/org/moho/io/seismo/reference (libmseed 2.19 for
 * miniSEED, IRIS sac2mseed + libmseed and a struct/numpy dump for SAC, awk for text; see the
 * README there), parsed per file.
 */
final class Reference {
  private Reference() {}

  /** One merged trace as libmseed printed it (its time tolerance is also half a sample). */
  record Trace(String id, long startMicros, long endMicros, double rate, int n, double[] first3, double last, double sum) {}

  /** One record as libmseed printed it. */
  record Record(long offset, String id, long startMicros, int samples) {}

  record MseedFile(List<Record> records, List<Trace> traces) {}

  static Path data(String file) {
    return Path.of(System.getProperty("moho.repo")).resolve("data/seismograms").resolve(file);
  }

  static Map<String, MseedFile> mseed(String resource) {
    Map<String, MseedFile> out = new LinkedHashMap<>();
    List<Record> records = null;
    List<Trace> traces = null;
    for (String line : lines(resource)) {
      if (line.startsWith("FILE ")) {
        records = new ArrayList<>();
        traces = new ArrayList<>();
        out.put(line.substring(5).trim(), new MseedFile(records, traces));
      } else if (line.startsWith("RECORD ")) {
        Map<String, String> f = fields(line);
        records.add(new Record(Long.parseLong(f.get("offset")), f.get("id"), micros(f.get("start")), Integer.parseInt(f.get("nsamp"))));
      } else if (line.startsWith("TRACE ")) {
        Map<String, String> f = fields(line);
        String[] first = f.get("first").split(",");
        traces.add(new Trace(line.split(" ")[1], micros(f.get("start")), micros(f.get("end")), Double.parseDouble(f.get("rate")),
            Integer.parseInt(f.get("n")),
            new double[] {Double.parseDouble(first[0]), Double.parseDouble(first[1]), Double.parseDouble(first[2])},
            Double.parseDouble(f.get("last")), Double.parseDouble(f.get("sum"))));
      }
    }
    return out;
  }

  /** sac-headers.txt: per file, header name → value text. */
  static Map<String, Map<String, String>> sacHeaders() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String line : lines("sac-headers.txt")) {
      if (line.startsWith("FILE ")) {
        current = new LinkedHashMap<>();
        out.put(line.split(" ")[1], current);
      } else if (line.startsWith("  samples=")) {
        current.putAll(fields(line.strip()));
      } else if (line.startsWith("  ")) {
        String[] kv = line.strip().split("=", 2);
        current.put(kv[0], kv[1]);
      }
    }
    return out;
  }

  /** ascii-traces.txt: per file, its lines after FILE. */
  static Map<String, List<String>> ascii() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : lines("ascii-traces.txt")) {
      if (line.startsWith("FILE ")) {
        current = new ArrayList<>();
        out.put(line.substring(5).trim(), current);
      } else {
        current.add(line);
      }
    }
    return out;
  }

  static Map<String, String> fields(String line) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String token : line.split(" ")) {
      int eq = token.indexOf('=');
      if (eq > 0) f.put(token.substring(0, eq), token.substring(eq + 1));
    }
    return f;
  }

  /** "2007-12-31T23:59:59.915000" (UTC) in microseconds. */
  static long micros(String iso) {
    return Times.parseUtc(iso);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Reference.class.getResourceAsStream("reference/" + resource)) {
      if (in == null) throw new IllegalStateException("missing test resource reference/" + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
