package org.moho.models.autoencoder;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The scaled logistic of Valentine &amp; Trampert (2012, GJI 189:1183), {@code f(x) = f0 + (f1 - f0)
 * / (1 + e^-x)}, a sigmoid stretched onto the range (f0, f1); with f0 = -1, f1 = 1 it equals
 * tanh(x/2).
 *
 * <p>DL4J writes an activation into the model's JSON as its class name plus its fields (IActivation
 * is annotated for Jackson with {@code @class} type ids and field visibility), so this class
 * round-trips through {@code ModelSerializer} as long as it is on the classpath when the model is
 * read; {@code ScaledLogisticTest} checks that.
 */
public final class ScaledLogistic extends BaseActivationFunction {
  private static final long serialVersionUID = 1L;

  private final double f0;
  private final double f1;

  @JsonCreator
  public ScaledLogistic(@JsonProperty("f0") double f0, @JsonProperty("f1") double f1) {
    if (!(f1 > f0)) throw new IllegalArgumentException("scaled logistic needs f1 > f0, got f0=" + f0 + ", f1=" + f1);
    this.f0 = f0;
    this.f1 = f1;
  }

  public double f0() {
    return f0;
  }

  public double f1() {
    return f1;
  }

  /** f(x), computed in place as DL4J's own activations do. */
  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    Transforms.sigmoid(in, false);
    return in.muli(f1 - f0).addi(f0);
  }

  /** dL/dx = dL/df * (f1 - f0) * s(x) * (1 - s(x)), s the logistic; no parameters. */
  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    INDArray s = Transforms.sigmoid(in, false);
    INDArray ds = s.rsub(1.0).muli(s).muli(f1 - f0);
    return new Pair<>(ds.muli(epsilon), null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScaledLogistic other && other.f0 == f0 && other.f1 == f1;
  }

  @Override
  public int hashCode() {
    return Objects.hash(f0, f1);
  }

  @Override
  public String toString() {
    return "scaledlogistic(" + f0 + ", " + f1 + ")";
  }
}
