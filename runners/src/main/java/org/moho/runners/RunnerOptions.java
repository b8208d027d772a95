package org.moho.runners;

import picocli.CommandLine.Option;

/** Which runner executes a pipeline, and its options (passed through to Beam). */
public final class RunnerOptions {
  @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "direct",
      description = "direct (default), flink (embedded mini-cluster, or a cluster with --flink-master) or dataflow")
  RunnerKind runner = RunnerKind.DIRECT;

  @Option(names = "--parallelism", paramLabel = "N", description = "workers (default: the machine's cores)")
  Integer parallelism;

  @Option(names = "--flink-master", paramLabel = "HOST:PORT", description = "a Flink cluster's REST address; 'auto' under the Flink CLI; without it Flink runs embedded")
  String flinkMaster;

  @Option(names = "--files-to-stage", paramLabel = "JAR", split = ",", description = "jars to ship to a Flink cluster (default: the Moho job jar when found)")
  java.util.List<String> filesToStage = new java.util.ArrayList<>();

  @Option(names = "--project", description = "Dataflow: the Google Cloud project")
  String project;

  @Option(names = "--region", description = "Dataflow: the region, e.g. europe-west4")
  String region;

  @Option(names = "--temp-location", paramLabel = "GS_PATH", description = "Dataflow: a gs:// folder for temporary files")
  String tempLocation;

  @Option(names = "--service-account", paramLabel = "EMAIL", description = "Dataflow: the workers' service account (NAME@PROJECT.iam.gserviceaccount.com)")
  String serviceAccount;

  @Option(names = "--test-checks", description = "DirectRunner: check element immutability and encodability (slow; for stage tests)")
  boolean testChecks;
}
