package org.moho.runners.flink;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flink 1.19.0 session cluster on 127.0.0.1: a JobManager JVM
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManager JVMs ({@code TaskManagerRunner})
 * started from the Maven Central module jars listed in testing/flink-cluster (see
 * /work/shared/deps/FLINK-CLUSTER.md for the recipe). Every port is a free one picked here;
 * only the processes started here are ever stopped.
 */
final class FlinkSessionCluster implements AutoCloseable {
  /** The --add-opens/--add-exports Flink 1.19's scripts pass on Java 17 (Kryo falls back to reflection on JDK types). */
  private static final List<String> OPENS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final Path home;
  private final String classpath;
  private final int restPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> started = new ArrayList<>();
  private Process jobManager;
  private Process taskManager;
  private int taskManagers;

  FlinkSessionCluster(Path home, Path classpathFile) throws IOException {
    this.home = home;
    this.classpath = Files.readString(classpathFile).trim();
    this.restPort = freePort();
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("log"));
    Files.createDirectories(home.resolve("tmp"));
    String tmp = home.resolve("tmp").toString();
    Files.writeString(home.resolve("conf/flink-conf.yaml"), String.join("\n",
        "jobmanager.rpc.address: localhost",
        "jobmanager.rpc.port: " + freePort(),
        "jobmanager.bind-host: 127.0.0.1",
        "jobmanager.memory.process.size: 1024m",
        "rest.address: 127.0.0.1",
        "rest.bind-address: 127.0.0.1",
        "rest.port: " + restPort,
        "blob.server.port: " + freePort(),
        "taskmanager.host: localhost",
        "taskmanager.bind-host: 127.0.0.1",
        "taskmanager.rpc.port: 0",
        "taskmanager.data.port: 0",
        "taskmanager.numberOfTaskSlots: 2",
        "parallelism.default: 2",
        "taskmanager.cpu.cores: 2",
        "taskmanager.memory.framework.heap.size: 128m",
        "taskmanager.memory.task.heap.size: 384m",
        "taskmanager.memory.framework.off-heap.size: 128m",
        "taskmanager.memory.task.off-heap.size: 0m",
        "taskmanager.memory.managed.size: 128m",
        "taskmanager.memory.network.min: 128m",
        "taskmanager.memory.network.max: 128m",
        "taskmanager.memory.jvm-metaspace.size: 256m",
        "taskmanager.memory.jvm-overhead.min: 192m",
        "taskmanager.memory.jvm-overhead.max: 192m",
        "taskmanager.network.sort-shuffle.min-buffers: 64",
        "io.tmp.dirs: " + tmp,
        "web.tmpdir: " + tmp,
        "blob.storage.directory: " + tmp,
        "cluster.registration.error-delay: 1000",
        // A lost TaskManager must fail the job within seconds, not the default 50 s; but not so
        // soon that a TaskManager busy loading the job jar on 2 loaded cores is taken for dead.
        "heartbeat.interval: 2000",
        "heartbeat.timeout: 20000",
        // A job whose TaskManager is gone fails when no slot comes back, not after the default 5 min.
        "slot.request.timeout: 30000",
        "restart-strategy.type: none",
        "") + "\n");
  }

  String master() {
    return "127.0.0.1:" + restPort;
  }

  void start() throws IOException, InterruptedException {
    jobManager = launch("jobmanager", List.of("-Xms768m", "-Xmx768m", "-XX:MaxMetaspaceSize=256m"),
        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
    startTaskManager();
  }

  /** Starts a TaskManager and waits until the JobManager counts it. */
  void startTaskManager() throws IOException, InterruptedException {
    taskManager = launch("taskmanager-" + (taskManagers + 1),
        List.of("-Xms512m", "-Xmx512m", "-XX:MaxDirectMemorySize=256m", "-XX:MaxMetaspaceSize=256m"),
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    taskManagers++;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!get("/overview").contains("\"taskmanagers\":1,")) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("no TaskManager registered within 120 s; see " + home.resolve("log"));
      if (!jobManager.isAlive() || !taskManager.isAlive()) throw new IllegalStateException("a cluster JVM exited; see " + home.resolve("log"));
      Thread.sleep(250);
    }
  }

  /** Kills the TaskManager as a crashed machine would go: no goodbye to the JobManager. */
  void killTaskManager() throws InterruptedException {
    taskManager.destroyForcibly();
    taskManager.waitFor();
  }

  /** GET of a REST path; "" while the REST endpoint is not up. */
  String get(String path) throws InterruptedException {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + master() + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (IOException e) {
      return "";
    }
  }

  Path logs() {
    return home.resolve("log");
  }

  /** Copies the cluster's logs to {@code dest} (kept after the test's temporary folder is gone). */
  void keepLogs(Path dest) {
    try (var files = Files.list(logs())) {
      Files.createDirectories(dest);
      for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, dest.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      System.err.println("could not keep the Flink logs: " + e);
    }
  }

  private Process launch(String name, List<String> heap, String mainClass) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(OPENS);
    cmd.addAll(heap);
    cmd.add("-Dorg.slf4j.simpleLogger.logFile=" + home.resolve("log/" + name + ".log"));
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    cmd.add("-Dlog.file=" + home.resolve("log/" + name + ".log"));
    cmd.addAll(List.of("-cp", classpath, mainClass, "--configDir", home.resolve("conf").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(home.resolve("log/" + name + ".out").toFile()).start();
    started.add(p);
    return p;
  }

  /** Stops every process started here (and only those), forcibly after 10 s. */
  @Override
  public void close() {
    for (Process p : started) p.destroy();
    for (Process p : started) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
