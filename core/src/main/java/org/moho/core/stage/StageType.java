package org.moho.core.stage;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * A kind of stage a spec can {@code use}. The declaration (description, config record, ports,
 * output type) drives validation, {@code moho stages} and docs/stages.md; {@link #create} makes
 * the Beam transform.
 *
 * <p>The transform receives the stage's inputs in port order and returns a tuple holding its main
 * output under {@link StageOutputs#MAIN} and its failures under {@link StageOutputs#ERRORS}.
 *
 * @param <C> the config record bound from the stage's {@code with:} block
 */
public interface StageType<C extends Record> {
  /** One paragraph: what the stage does and guarantees. */
  String description();

  Class<C> configType();

  /** Inputs in the order {@code from} lists them; empty for a source. */
  List<Port> inputs();

  /** The element type of the main output. */
  Class<?> output();

  PTransform<StageInputs, PCollectionTuple> create(C config, StageContext context);

  /** A short YAML example of the stage, for the docs. */
  default String example() {
    return "";
  }
}
