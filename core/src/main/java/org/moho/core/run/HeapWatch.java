package org.moho.core.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether the heap filled up during a run, for the case where a runner swallows the
 * OutOfMemoryError of one of its threads and just stops (the DirectRunner then returns the job in
 * state RUNNING, and the error is only in its log).
 *
 * <p>How: the JVM throws "Java heap space" when a collection cannot free enough, so this watches
 * the heap pools' usage right after collection (JMX collection-usage thresholds, set at 95% of each
 * pool's maximum) and counts how often it crossed. It also notes an OutOfMemoryError that ends any
 * thread (the default uncaught-exception handler, passed on to the one already set).
 */
final class HeapWatch {
  private static volatile boolean uncaughtOutOfMemory;
  private final List<MemoryPoolMXBean> pools = new ArrayList<>();
  private final List<Long> before = new ArrayList<>();

  HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = pool.getUsage().getMax();
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
        if (pool.getCollectionUsageThreshold() == 0) pool.setCollectionUsageThreshold((long) (max * 0.95));
        pools.add(pool);
        before.add(pool.getCollectionUsageThresholdCount());
      }
    }
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    if (!(previous instanceof Recorder)) Thread.setDefaultUncaughtExceptionHandler(new Recorder(previous));
  }

  /** True if the heap was (nearly) full after a collection since this watch began, or a thread died of an OutOfMemoryError. */
  boolean heapFilled() {
    if (uncaughtOutOfMemory) return true;
    for (int i = 0; i < pools.size(); i++) {
      if (pools.get(i).getCollectionUsageThresholdCount() > before.get(i)) return true;
    }
    return false;
  }

  private record Recorder(Thread.UncaughtExceptionHandler next) implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread t, Throwable e) {
      if (e instanceof OutOfMemoryError) uncaughtOutOfMemory = true;
      if (next != null) {
        next.uncaughtException(t, e);
      } else {
        t.getThreadGroup().uncaughtException(t, e);
      }
    }
  }
}
