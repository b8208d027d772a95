package org.moho.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** moho package: extra jars merged into a copy of the job jar, ServiceLoader files merged, signatures left out. */
class JobJarTest {
  @TempDir Path tmp;

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path p = tmp.resolve(name);
    try (OutputStream os = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(os)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return p;
  }

  private static String read(JarFile j, String name) throws IOException {
    return new String(j.getInputStream(j.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void extraStageJarsAreMergedWithTheirServiceFiles() throws Exception {
    Map<String, String> baseEntries = new LinkedHashMap<>();
    baseEntries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.moho.runners.Moho\n");
    baseEntries.put("META-INF/services/org.moho.core.stage.StageModule", "org.moho.io.IoTableModule\norg.moho.io.seismo.SeismoIoModule\n");
    baseEntries.put("org/moho/runners/Moho.class", "base");
    baseEntries.put("shared/Same.txt", "same");
    baseEntries.put("shared/Diff.txt", "base copy");
    Path base = jar("moho-job.jar", baseEntries);
    Map<String, String> extraEntries = new LinkedHashMap<>();
    extraEntries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: other.Main\n");
    extraEntries.put("META-INF/SIGNER.SF", "signature");
    extraEntries.put("META-INF/SIGNER.RSA", "signature");
    extraEntries.put("module-info.class", "module");
    extraEntries.put("META-INF/services/org.moho.core.stage.StageModule", "# my stages\norg.acme.AcmeModule  # the one\norg.moho.io.IoTableModule\n");
    extraEntries.put("META-INF/services/org.apache.beam.sdk.io.FileSystemRegistrar", "org.acme.AcmeFileSystemRegistrar\n");
    extraEntries.put("org/acme/AcmeModule.class", "acme");
    extraEntries.put("shared/Same.txt", "same");
    extraEntries.put("shared/Diff.txt", "extra copy");
    Path extra = jar("acme-stages.jar", extraEntries);

    Path out = tmp.resolve("dist/job.jar");
    JobJar.Result r = JobJar.merge(base, List.of(extra), out);
    assertEquals(1, r.added(), "only the new class is added");
    assertEquals(2, r.servicesMerged());
    assertEquals(List.of("shared/Diff.txt"), r.duplicates());
    try (JarFile j = new JarFile(out.toFile())) {
      assertEquals("org.moho.io.IoTableModule\norg.moho.io.seismo.SeismoIoModule\norg.acme.AcmeModule\n",
          read(j, "META-INF/services/org.moho.core.stage.StageModule"));
      assertEquals("org.acme.AcmeFileSystemRegistrar\n", read(j, "META-INF/services/org.apache.beam.sdk.io.FileSystemRegistrar"));
      assertEquals("acme", read(j, "org/acme/AcmeModule.class"));
      assertEquals("base copy", read(j, "shared/Diff.txt"));
      assertEquals("org.moho.runners.Moho", j.getManifest().getMainAttributes().getValue("Main-Class"));
      assertFalse(j.stream().anyMatch(e -> e.getName().endsWith(".SF") || e.getName().endsWith(".RSA") || e.getName().equals("module-info.class")));
    }
    assertTrue(Files.list(out.getParent()).allMatch(p -> p.equals(out)), "no temporary file left");
  }

  @Test
  void theCommandWritesTheJarAndReportsAMissingInput() throws Exception {
    Path base = jar("moho-job-x.jar", Map.of("META-INF/services/org.moho.core.stage.StageModule", "a.B\n"));
    Path extra = jar("extra.jar", Map.of("META-INF/services/org.moho.core.stage.StageModule", "c.D\n", "c/D.class", "d"));
    Path out = tmp.resolve("job.jar");
    CliTest.Result ok = CliTest.moho("package", "--job-jar", base.toString(), "--output", out.toString(), extra.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("1 extra jar(s), 1 entries added, 1 service file(s) merged"), ok.out());
    try (JarFile j = new JarFile(out.toFile())) {
      assertEquals("a.B\nc.D\n", read(j, "META-INF/services/org.moho.core.stage.StageModule"));
    }
    CliTest.Result missing = CliTest.moho("package", "--job-jar", base.toString(), "--output", out.toString(), tmp.resolve("nope.jar").toString());
    assertEquals(ExitCodes.BAD_INPUT, missing.code());
    assertTrue(missing.err().contains("extra stage jar " + tmp.resolve("nope.jar") + " does not exist"), missing.err());
  }
}
