package org.moho.core.run;

import java.util.Map;

/**
 * What one stage did: records in (read by a source, or received from upstream), out, errors,
 * and any other counters it reported (e.g. {@code skipped.nan}).
 */
public record StageCounts(String stage, String use, Long in, long out, long errors, Map<String, Long> other) {}
