package org.moho.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner spec submitted through the FlinkRunner to a real Flink 1.19.0 session cluster (a
 * JobManager and a TaskManager JVM on 127.0.0.1) with the job jar from this module staged: the job
 * must FINISH (Flink's REST API says so) and write what the DirectRunner writes, with the same
 * counts in run.json. Then the TaskManager is killed mid-run: the run must fail promptly with the
 * cause, leave no output looking complete, and a rerun on a new TaskManager must succeed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterIT {
  @TempDir static Path tmp;
  private FlinkSessionCluster cluster;
  private Path direct;
  private String jobJar;

  @BeforeAll
  void startClusterAndRunDirect() throws Exception {
    jobJar = System.getProperty("moho.job.jar");
    assertTrue(Files.isRegularFile(Path.of(jobJar)), "the job jar is built at package: " + jobJar);
    cluster = new FlinkSessionCluster(tmp.resolve("flink"), Path.of(System.getProperty("flink.cluster.classpath")));
    try {
      cluster.start();
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    direct = tmp.resolve("direct");
    RunnerSpec.Result d = RunnerSpec.run(direct, RunnerSpec.params(), "--runner", "direct");
    assertEquals(0, d.code(), d.out() + d.err());
  }

  @AfterAll
  void stopCluster() {
    if (cluster == null) return;
    cluster.close();
    cluster.keepLogs(Path.of(System.getProperty("moho.job.jar")).resolveSibling("flink-cluster-logs"));
  }

  private RunnerSpec.Result onCluster(Path out, List<String> params) {
    return RunnerSpec.run(out, params, "--runner", "flink", "--flink-master", cluster.master(), "--parallelism", "2",
        "--files-to-stage", jobJar);
  }

  private List<JsonObject> jobs() throws InterruptedException {
    String body = cluster.get("/jobs/overview");
    if (body.isEmpty()) return List.of();
    return JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("jobs").asList().stream()
        .map(JsonElement::getAsJsonObject).toList();
  }

  private long jobsIn(String state) throws InterruptedException {
    return jobs().stream().filter(j -> j.get("state").getAsString().equals(state)).count();
  }

  @Test
  @Order(1)
  void theClusterRunFinishesAndWritesWhatTheDirectRunnerWrites() throws Exception {
    long finishedBefore = jobsIn("FINISHED");
    Path out = tmp.resolve("cluster");
    RunnerSpec.Result r = onCluster(out, RunnerSpec.params());
    assertEquals(0, r.code(), r.out() + r.err() + "\nlogs: " + cluster.logs());
    assertTrue(r.out().contains("runner flink (cluster " + cluster.master() + "): training stages run on one worker; other stages at parallelism 2"), r.out());
    assertEquals(finishedBefore + 1, jobsIn("FINISHED"), "Flink's REST API lists the job as FINISHED: " + jobs());
    JsonObject job = jobs().stream().filter(j -> j.get("state").getAsString().equals("FINISHED")).findFirst().orElseThrow();
    assertEquals(0, job.getAsJsonObject("tasks").get("failed").getAsInt(), job.toString());
    RunnerSpec.assertSameOutputs(direct, out);
    RunnerSpec.assertSameCounts(direct, out);
    assertEquals("succeeded", RunnerSpec.manifest(out).get("status").getAsString());
  }

  @Test
  @Order(2)
  void losingTheTaskManagerFailsTheRunWithItsCauseAndARerunSucceeds() throws Exception {
    Path out = tmp.resolve("killed");
    CompletableFuture<RunnerSpec.Result> run = CompletableFuture.supplyAsync(() -> onCluster(out, RunnerSpec.bigParams()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // Kill once the job's tasks are running on the TaskManager (not while it waits for slots).
    while (jobs().stream().noneMatch(j -> j.get("state").getAsString().equals("RUNNING")
        && j.getAsJsonObject("tasks").get("running").getAsInt() > 0)) {
      if (run.isDone()) fail("the run ended before the TaskManager could be killed: " + run.get());
      if (System.nanoTime() > deadline) fail("the job never ran: " + jobs());
      Thread.sleep(100);
    }
    cluster.killTaskManager();
    RunnerSpec.Result r;
    try {
      r = run.get(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the run hangs after its TaskManager died", e);
    }
    assertEquals(1, r.code(), r.out() + r.err());
    JsonObject m = RunnerSpec.manifest(out);
    assertEquals("failed", m.get("status").getAsString());
    String cause = m.get("cause").getAsString();
    System.out.println("the run that lost its TaskManager failed with: " + cause);
    assertTrue(cause.matches("(?is).*(TaskManager|heartbeat|taskexecutor|connection|lost).*"), "the cause names the lost worker: " + cause);
    assertTrue(r.err().contains(cause) || r.out().contains(cause), "the cause is printed: " + r.out() + r.err());
    assertFalse(Files.exists(out.resolve("scores.csv")), "no table left looking complete");
    assertFalse(Files.exists(out.resolve("detections.geojson")), "no detections left looking complete");
    assertEquals(1, jobsIn("FAILED"), jobs().toString());

    cluster.startTaskManager();
    RunnerSpec.Result again = onCluster(out, RunnerSpec.params());
    assertEquals(0, again.code(), again.out() + again.err());
    assertEquals("succeeded", RunnerSpec.manifest(out).get("status").getAsString());
    RunnerSpec.assertSameOutputs(direct, out);
    RunnerSpec.assertSameCounts(direct, out);
  }
}
