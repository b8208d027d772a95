package org.moho.core.run;

import java.util.List;

/** The outcome of a run: status, per-stage counts and wall time; serialised as run.json. */
public record RunReport(String status, String cause, long wallMillis, List<StageCounts> stages) {
  public boolean succeeded() {
    return "succeeded".equals(status);
  }

  public StageCounts stage(String id) {
    return stages.stream().filter(s -> s.stage().equals(id)).findFirst().orElseThrow();
  }
}
