package org.moho.pipelines.detect;

import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.ApproximateQuantiles;
import org.apache.beam.sdk.transforms.Combine;
import org.moho.core.data.GridTile;

/**
 * Beam's approximate quantiles of the finite interior values of all tiles, fed a tile at a time:
 * the same sketch as {@code ApproximateQuantiles.globally}, without turning every grid node into a
 * pipeline element (which costs a coder round trip per value on a real runner).
 */
final class TileQuantiles<A extends Combine.AccumulatingCombineFn.Accumulator<Double, A, List<Double>>>
    extends Combine.CombineFn<GridTile, A, List<Double>> {
  private final Combine.AccumulatingCombineFn<Double, A, List<Double>> inner;

  private TileQuantiles(Combine.AccumulatingCombineFn<Double, A, List<Double>> inner) {
    this.inner = inner;
  }

  /** {@code n} evenly spaced quantiles, minimum and maximum included. */
  static TileQuantiles<?> of(int n) {
    return wrap(ApproximateQuantiles.ApproximateQuantilesCombineFn.<Double>create(n));
  }

  private static <A extends Combine.AccumulatingCombineFn.Accumulator<Double, A, List<Double>>> TileQuantiles<A> wrap(
      Combine.AccumulatingCombineFn<Double, A, List<Double>> inner) {
    return new TileQuantiles<>(inner);
  }

  @Override
  public A createAccumulator() {
    return inner.createAccumulator();
  }

  @Override
  public A addInput(A acc, GridTile t) {
    for (int j = t.halo(); j < t.ny() - t.halo(); j++) {
      for (int i = t.halo(); i < t.nx() - t.halo(); i++) {
        float x = t.at(i, j);
        if (!Float.isNaN(x)) acc.addInput((double) x);
      }
    }
    return acc;
  }

  @Override
  public A mergeAccumulators(Iterable<A> accs) {
    return inner.mergeAccumulators(accs);
  }

  @Override
  public List<Double> extractOutput(A acc) {
    return inner.extractOutput(acc);
  }

  @Override
  public Coder<A> getAccumulatorCoder(CoderRegistry registry, Coder<GridTile> input) throws CannotProvideCoderException {
    return inner.getAccumulatorCoder(registry, DoubleCoder.of());
  }

  @Override
  public Coder<List<Double>> getDefaultOutputCoder(CoderRegistry registry, Coder<GridTile> input) {
    return ListCoder.of(DoubleCoder.of());
  }
}
