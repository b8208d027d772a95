package org.moho.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock and process CPU seconds of each timed run. On a shared machine the wall clock
 * measures the other jobs too; the CPU time of a single-threaded case (all its threads, JIT and GC
 * included, as Python's {@code time.process_time}) does not, so both are reported.
 */
final class Timer {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  final List<Double> wall = new ArrayList<>();
  final List<Double> cpu = new ArrayList<>();
  private long w0;
  private long c0;

  void start() {
    w0 = System.nanoTime();
    c0 = OS.getProcessCpuTime();
  }

  void stop() {
    wall.add((System.nanoTime() - w0) / 1e9);
    cpu.add((OS.getProcessCpuTime() - c0) / 1e9);
  }

  /** Adds records/s by wall and by CPU time, and both lists of seconds, to {@code j}. */
  Json report(Json j, double records) {
    return j.put("records_per_s", records / Json.median(wall)).put("records_per_cpu_s", records / Json.median(cpu))
        .put("run_s", wall).put("cpu_s", cpu);
  }
}
