package org.moho.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --runner dataflow: each setting checked before anything runs; no test reaches Google Cloud. */
class DataflowOptionsTest {
  @TempDir Path tmp;

  private CliTest.Result dataflow(String... settings) throws Exception {
    Path spec = tmp.resolve("d.yaml");
    Files.writeString(spec, """
        pipeline: {name: d}
        stages:
          - {id: rows, use: table.read, with: {path: x.csv}}
        """);
    String[] args = new String[5 + settings.length];
    System.arraycopy(new String[] {"run", spec.toString(), "--runner", "dataflow", "--out=" + tmp.resolve("o")}, 0, args, 0, 5);
    System.arraycopy(settings, 0, args, 5, settings.length);
    return CliTest.moho(args);
  }

  @Test
  void eachBadSettingIsNamedAndNothingRuns() throws Exception {
    String[] good = {"--project", "moho-test-1", "--region", "europe-west4", "--temp-location", "gs://moho-tmp/runs"};
    CliTest.Result tempNotGs = dataflow("--project", "moho-test-1", "--region", "europe-west4", "--temp-location", "/tmp/x");
    assertEquals(ExitCodes.USAGE, tempNotGs.code());
    assertTrue(tempNotGs.err().contains("--temp-location must be a gs://BUCKET/path for Dataflow, got /tmp/x"), tempNotGs.err());
    CliTest.Result region = dataflow("--project", "moho-test-1", "--region", "Europe", "--temp-location", "gs://moho-tmp/runs");
    assertTrue(region.err().contains("--region must be a Google Cloud region such as europe-west4, got Europe"), region.err());
    CliTest.Result project = dataflow("--project", "My Project", "--region", "europe-west4", "--temp-location", "gs://moho-tmp/runs");
    assertTrue(project.err().contains("--project must be a Google Cloud project id"), project.err());
    String[] withAccount = java.util.Arrays.copyOf(good, good.length + 2);
    withAccount[good.length] = "--service-account";
    withAccount[good.length + 1] = "runner@moho-test-1.iam.gserviceaccount.com";
    CliTest.Result ok = dataflow(withAccount);
    assertEquals(ExitCodes.USAGE, ok.code());
    assertTrue(ok.err().contains("this Moho build does not include the Dataflow runner"), ok.err());
    withAccount[good.length + 1] = "runner@gmail.com";
    assertTrue(dataflow(withAccount).err().contains("--service-account must be a service account e-mail"));
    assertTrue(!Files.exists(tmp.resolve("o/run.json")), "nothing ran");
  }
}
