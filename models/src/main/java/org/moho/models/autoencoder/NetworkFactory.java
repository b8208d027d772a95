package org.moho.models.autoencoder;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Builds the DL4J network of an {@link AutoencoderConfig} for a given input size. Every variant
 * takes features as a flat [records, inputSize] matrix and ends in an MSE layer whose labels are
 * the same flat matrix, so training, per-record weights (label masks of shape [records, 1]) and
 * scoring are one code path.
 *
 * <p>The 1-D variant is a 2-D convolution over a 1 x n image with 1 x k kernels, which is the same
 * arithmetic as a 1-D convolution. It is built that way because DL4J's Convolution1DLayer wants
 * recurrent-format input [records, channels, length] and its own mask handling; as a 1 x n image
 * the flat input reshapes by DL4J's standard FeedForward-to-CNN preprocessor.
 */
public final class NetworkFactory {
  private NetworkFactory() {}

  public static MultiLayerConfiguration build(AutoencoderConfig c, int inputSize) {
    return build(c, inputSize, false);
  }

  /**
   * @param weighted true to train with a weight per record: the loss is then
   *     {@link RecordWeightedMse} and labels carry the weight as an extra last column
   */
  public static MultiLayerConfiguration build(AutoencoderConfig c, int inputSize, boolean weighted) {
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .seed(c.seed())
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(updater(c))
        .l2(c.l2())
        // keep workspaces on: without them DL4J trains ~20 % and scores ~2.5x slower here
        // (shared/bench/DL4J-PERFORMANCE.md)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .list();
    return switch (c.architecture()) {
      case DENSE -> dense(list, c, inputSize, weighted);
      case CONV1D -> conv(list, c, 1, inputSize, inputSize, weighted);
      case CONV2D -> {
        int side = (int) Math.round(Math.sqrt(inputSize));
        if (side * side != inputSize) {
          throw new IllegalArgumentException("a 2-D convolutional autoencoder needs square patches, but the input size "
              + inputSize + " is not a square");
        }
        yield conv(list, c, side, side, inputSize, weighted);
      }
    };
  }

  /** The index of the layer whose activations are the latent code. */
  public static int latentLayer(AutoencoderConfig c) {
    return c.architecture() == Architecture.DENSE ? c.layers().size() - 1 : 2 * c.layers().size();
  }

  private static MultiLayerConfiguration dense(NeuralNetConfiguration.ListBuilder list, AutoencoderConfig c, int n, boolean weighted) {
    List<Integer> widths = c.layers();
    IActivation hidden = activation(c.activation(), c);
    int in = n;
    for (int w : widths) { // encoder; the last width is the code
      list.layer(new DenseLayer.Builder().nIn(in).nOut(w).activation(hidden).build());
      in = w;
    }
    for (int i = widths.size() - 2; i >= 0; i--) { // decoder mirrors the encoder
      list.layer(new DenseLayer.Builder().nIn(in).nOut(widths.get(i)).activation(hidden).build());
      in = widths.get(i);
    }
    list.layer(new OutputLayer.Builder(loss(weighted)).nIn(in).nOut(n)
        .activation(activation(c.outputActivation(), c)).build());
    return list.setInputType(InputType.feedForward(n)).build();
  }

  private static MultiLayerConfiguration conv(NeuralNetConfiguration.ListBuilder list, AutoencoderConfig c,
      int height, int width, int n, boolean weighted) {
    List<Integer> channels = c.layers();
    int levels = channels.size();
    boolean oneD = height == 1;
    int factor = 1 << levels;
    if (width % factor != 0 || (!oneD && height % factor != 0)) {
      throw new IllegalArgumentException("the input (" + height + " x " + width + ") must be divisible by 2^"
          + levels + " = " + factor + " along each convolved axis, one halving per entry of layers");
    }
    IActivation hidden = activation(c.activation(), c);
    int[] kernel = oneD ? new int[] {1, c.kernelSize()} : new int[] {c.kernelSize(), c.kernelSize()};
    int[] pool = oneD ? new int[] {1, 2} : new int[] {2, 2};
    for (int ch : channels) { // encoder: convolve, then halve
      list.layer(new ConvolutionLayer.Builder(kernel).nOut(ch).convolutionMode(ConvolutionMode.Same)
          .activation(hidden).build());
      list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(pool).stride(pool).build());
    }
    int h = oneD ? 1 : height / factor;
    int w = width / factor;
    int last = channels.get(levels - 1);
    list.layer(new DenseLayer.Builder().nOut(c.latentSize()).activation(hidden).build()); // the code
    list.layer(new DenseLayer.Builder().nOut(last * h * w).activation(hidden).build());
    list.inputPreProcessor(2 * levels + 2, new FeedForwardToCnnPreProcessor(h, w, last));
    for (int i = levels - 1; i >= 0; i--) { // decoder: double, then convolve, mirroring the encoder
      list.layer(new Upsampling2D.Builder().size(pool).build());
      list.layer(new ConvolutionLayer.Builder(kernel).nOut(channels.get(i)).convolutionMode(ConvolutionMode.Same)
          .activation(hidden).build());
    }
    list.layer(new ConvolutionLayer.Builder(kernel).nOut(1).convolutionMode(ConvolutionMode.Same)
        .activation(Activation.IDENTITY).build());
    // flattened back to [records, n] by DL4J's automatic CNN-to-FF preprocessor
    list.layer(new LossLayer.Builder(loss(weighted)).activation(activation(c.outputActivation(), c)).build());
    return list.setInputType(InputType.convolutionalFlat(height, width, 1)).build();
  }

  private static ILossFunction loss(boolean weighted) {
    return weighted ? new RecordWeightedMse() : LossFunction.MSE.getILossFunction();
  }

  static IActivation activation(ActivationKind kind, AutoencoderConfig c) {
    return switch (kind) {
      case TANH -> Activation.TANH.getActivationFunction();
      case RELU -> Activation.RELU.getActivationFunction();
      case SIGMOID -> Activation.SIGMOID.getActivationFunction();
      case IDENTITY -> Activation.IDENTITY.getActivationFunction();
      case SCALED_LOGISTIC -> new ScaledLogistic(c.f0(), c.f1());
    };
  }

  private static IUpdater updater(AutoencoderConfig c) {
    ISchedule lr = switch (c.schedule()) {
      case NONE -> null;
      case STEP -> new StepSchedule(ScheduleType.EPOCH, c.learningRate(), c.decay(), c.stepEpochs());
      case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.EPOCH, c.learningRate(), c.decay());
    };
    return switch (c.updater()) {
      case ADAM -> lr == null ? new Adam(c.learningRate()) : new Adam(lr);
      case SGD -> lr == null ? new Sgd(c.learningRate()) : new Sgd(lr);
    };
  }
}
