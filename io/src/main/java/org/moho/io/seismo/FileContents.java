package org.moho.io.seismo;

import java.util.List;

/**
 * What one file decoded to. Every unit read is either a segment or an error, so
 * {@code units() == segments().size() + errors().size()}.
 */
record FileContents(List<Segment> segments, List<DecodeError> errors) {
  FileContents {
    segments = List.copyOf(segments);
    errors = List.copyOf(errors);
  }

  static FileContents failed(long offset, String reason) {
    return new FileContents(List.of(), List.of(new DecodeError(offset, reason)));
  }

  int units() {
    return segments.size() + errors.size();
  }
}
