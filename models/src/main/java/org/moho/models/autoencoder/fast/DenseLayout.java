package org.moho.models.autoencoder.fast;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.moho.models.autoencoder.RecordWeightedMse;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * What the fast path needs to know about a DL4J MultiLayerNetwork that is a plain stack of dense
 * layers ending in an MSE output layer, and where each layer's parameters sit in the network's
 * flattened parameter vector.
 *
 * <p>DL4J's layout (DefaultParamInitializer): per layer, W then b; W is [nIn, nOut] in 'f' order,
 * i.e. row-major [nOut, nIn] (W[i][o] at {@code o * nIn + i}); b is [1, nOut]. With one Adam
 * updater block over all parameters the updater state is [m (all params) | v (all params)].
 * {@link #of} accepts only networks where every one of these holds, so the fast path computes
 * exactly what DL4J computes; anything else (dropout, layer norm, weight noise, gradient
 * clipping, L1, preprocessors, other losses or activations, several updater blocks) is left to
 * DL4J.
 *
 * @param widths layer widths including the input: widths[0] = input size, widths[L] = output
 * @param activations one per layer
 * @param weightOffsets start of layer l's W in the flattened parameters
 * @param biasOffsets start of layer l's b
 * @param numParams length of the flattened parameters
 * @param weighted true when the loss is {@link RecordWeightedMse} (labels carry a weight column)
 * @param updater the (single) updater of every parameter: {@link Adam} or {@link Sgd}; null from
 *     {@link #forInference}
 * @param l2 the L2 penalty on weights (none on biases), or null
 */
public record DenseLayout(int[] widths, FusedActivation[] activations, int[] weightOffsets, int[] biasOffsets,
    int numParams, boolean weighted, IUpdater updater, L2Regularization l2) {

  public int layers() {
    return activations.length;
  }

  public int inputSize() {
    return widths[0];
  }

  /** The layout of {@code net}, or empty when the fast path does not compute exactly what DL4J would. */
  public static Optional<DenseLayout> of(MultiLayerNetwork net) {
    return Optional.ofNullable(analyse(net, true).layout);
  }

  /** As {@link #of} for the forward pass only: the updater and its state are not looked at. */
  public static Optional<DenseLayout> forInference(MultiLayerNetwork net) {
    return Optional.ofNullable(analyse(net, false).layout);
  }

  /** Why {@link #of} is empty for {@code net} (null when it is not). */
  public static String unsupported(MultiLayerNetwork net) {
    return analyse(net, true).reason;
  }

  private record Result(DenseLayout layout, String reason) {}

  private static Result no(String reason) {
    return new Result(null, reason);
  }

  private static Result analyse(MultiLayerNetwork net, boolean training) {
    MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
    if (conf.getDataType() != DataType.FLOAT) return no("data type " + conf.getDataType());
    if (!conf.getInputPreProcessors().isEmpty()) return no("input preprocessors");
    List<NeuralNetConfiguration> confs = conf.getConfs();
    int layers = confs.size();
    int[] widths = new int[layers + 1];
    FusedActivation[] acts = new FusedActivation[layers];
    int[] wOff = new int[layers];
    int[] bOff = new int[layers];
    int offset = 0;
    boolean weighted = false;
    IUpdater updater = null;
    L2Regularization l2 = null;
    for (int l = 0; l < layers; l++) {
      org.deeplearning4j.nn.conf.layers.Layer layer = confs.get(l).getLayer();
      boolean last = l == layers - 1;
      if (layer.getClass() != (last ? OutputLayer.class : DenseLayer.class)) return no("layer " + l + " is a " + layer.getClass().getSimpleName());
      BaseLayer base = (BaseLayer) layer;
      if (layer.getIDropout() != null || base.getWeightNoise() != null
          || base.getGradientNormalization() != null && base.getGradientNormalization() != GradientNormalization.None
          || !base.getRegularizationBias().isEmpty()) {
        return no("layer " + l + " has dropout, weight noise, gradient normalisation or bias regularisation");
      }
      if (layer instanceof DenseLayer d && (!d.hasBias() || d.hasLayerNorm())) return no("layer " + l + " has no bias or layer norm");
      if (layer instanceof OutputLayer o) {
        if (!o.hasBias()) return no("output layer without bias");
        ILossFunction loss = o.getLossFn();
        if (loss instanceof RecordWeightedMse) weighted = true;
        else if (loss.getClass() != LossMSE.class || ((LossMSE) loss).getWeights() != null) return no("loss " + loss);
      }
      Optional<FusedActivation> a = FusedActivation.of(base.getActivationFn());
      if (a.isEmpty()) return no("activation " + base.getActivationFn());
      acts[l] = a.get();
      if (training) {
        IUpdater u = base.getIUpdater();
        if (!(u instanceof Adam || u instanceof Sgd) || base.getBiasUpdater() != null && !u.equals(base.getBiasUpdater())) {
          return no("updater " + u + " / bias updater " + base.getBiasUpdater());
        }
        if (updater == null) updater = u;
        else if (!updater.equals(u)) return no("layers have different updaters");
        List<Regularization> reg = base.getRegularization();
        if (reg.size() > 1 || reg.size() == 1 && !(reg.get(0) instanceof L2Regularization)) return no("regularisation " + reg);
        L2Regularization r = reg.isEmpty() ? null : (L2Regularization) reg.get(0);
        if (l == 0) l2 = r;
        else if (!java.util.Objects.equals(l2, r)) return no("layers have different L2");
      }
      Layer impl = net.getLayer(l);
      long nIn = impl.getParam("W").rows();
      long nOut = impl.getParam("W").columns();
      if (l == 0) widths[0] = (int) nIn;
      else if (nIn != widths[l]) return no("layer " + l + " takes " + nIn + " inputs");
      widths[l + 1] = (int) nOut;
      wOff[l] = offset;
      bOff[l] = offset + (int) (nIn * nOut);
      offset = bOff[l] + (int) nOut;
    }
    if (offset != net.numParams()) return no("parameter count " + net.numParams() + " != " + offset);
    if (training && updater instanceof Adam) {
      // the state layout [m | v] over all parameters holds only for a single updater block
      if (!(net.getUpdater() instanceof MultiLayerUpdater u) || u.getUpdaterBlocks().size() != 1
          || u.getStateViewArray() == null || u.getStateViewArray().length() != 2L * offset) {
        return no("updater state is not one [m | v] block");
      }
    }
    return new Result(new DenseLayout(widths, acts, wOff, bOff, offset, weighted, updater, l2), null);
  }
}
