package org.moho.runners;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Builds Beam pipeline options for the chosen runner. */
final class PipelineOptionsBuilder {
  private PipelineOptionsBuilder() {}

  /** Thrown when the options cannot work (e.g. Dataflow without its settings). */
  static final class OptionsException extends RuntimeException {
    OptionsException(String message) {
      super(message);
    }
  }

  static PipelineOptions build(RunnerOptions r, String jobName) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setJobName(jobName.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(java.util.Locale.ROOT));
    int cores = Runtime.getRuntime().availableProcessors();
    switch (r.runner) {
      case DIRECT -> {
        DirectOptions d = options.as(DirectOptions.class);
        d.setRunner(DirectRunner.class);
        d.setTargetParallelism(r.parallelism != null ? r.parallelism : cores);
        // The DirectRunner's immutability and encodability checks re-encode every element: they
        // exist to catch bugs in stage code, so tests turn them on and real runs do not.
        d.setEnforceImmutability(r.testChecks);
        d.setEnforceEncodability(r.testChecks);
        d.setBlockOnRun(true);
      }
      case FLINK -> {
        FlinkPipelineOptions f = options.as(FlinkPipelineOptions.class);
        f.setRunner(FlinkRunner.class);
        // "auto" = the cluster of the Flink CLI that launched Moho (`flink run ... moho-job.jar run ...`).
        f.setFlinkMaster(r.flinkMaster == null ? "[local]" : r.flinkMaster.equals("auto") ? "[auto]" : r.flinkMaster);
        f.setParallelism(r.parallelism != null ? r.parallelism : (r.flinkMaster == null ? cores : -1));
        if (!r.filesToStage.isEmpty()) f.setFilesToStage(List.copyOf(r.filesToStage));
        f.setAttachedMode(true);
        // A failed task fails the run at once, with its cause: a batch run that restarts would
        // redo work whose partial results the stages do not expect, and would hide the cause.
        f.setNumberOfExecutionRetries(0);
      }
      case DATAFLOW -> throw new OptionsException(dataflowProblem(r));
    }
    return options;
  }

  /**
   * Where the work runs, printed before a distributed run: training stages gather their input to
   * one key, so one worker trains; every other stage (reading, features, scoring) runs at the
   * job's parallelism.
   */
  static String placement(RunnerOptions r, PipelineOptions options) {
    String parallelism;
    if (r.runner == RunnerKind.FLINK) {
      int p = options.as(FlinkPipelineOptions.class).getParallelism();
      parallelism = p > 0 ? "parallelism " + p : "the cluster's default parallelism";
    } else {
      parallelism = r.parallelism != null ? "up to " + r.parallelism + " workers" : "the workers the service chooses";
    }
    String where = r.runner == RunnerKind.FLINK ? (r.flinkMaster == null ? " (embedded [local])" : " (cluster " + r.flinkMaster + ")") : "";
    return "runner " + r.runner + where + ": training stages run on one worker; other stages at " + parallelism;
  }

  private static String dataflowProblem(RunnerOptions r) {
    StringBuilder b = new StringBuilder();
    if (r.project == null) b.append(" --project");
    if (r.region == null) b.append(" --region");
    if (r.tempLocation == null) b.append(" --temp-location");
    else if (!r.tempLocation.matches("gs://[a-z0-9][-_.a-z0-9]{1,221}[a-z0-9](/.*)?")) {
      return "--temp-location must be a gs://BUCKET/path for Dataflow, got " + r.tempLocation;
    }
    if (r.project != null && !r.project.matches("[a-z][-a-z0-9]{4,28}[a-z0-9]")) {
      return "--project must be a Google Cloud project id (6-30 lower-case letters, digits, hyphens), got " + r.project;
    }
    if (r.region != null && !r.region.matches("[a-z]+-[a-z]+[0-9]+")) {
      return "--region must be a Google Cloud region such as europe-west4, got " + r.region;
    }
    if (r.serviceAccount != null && !r.serviceAccount.matches("[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com")) {
      return "--service-account must be a service account e-mail (NAME@PROJECT.iam.gserviceaccount.com), got " + r.serviceAccount;
    }
    if (b.length() > 0) return "the Dataflow runner needs" + b + " (see docs/running-on-dataflow.md)";
    return "this Moho build does not include the Dataflow runner (beam-runners-google-cloud-dataflow-java); "
        + "see docs/running-on-dataflow.md";
  }
}
