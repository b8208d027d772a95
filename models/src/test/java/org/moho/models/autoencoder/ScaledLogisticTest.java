package org.moho.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ScaledLogisticTest {
  private static final double[] X = {-6, -2.5, -1, -0.1, 0, 0.3, 1, 2, 7};

  @Test
  void valuesFollowTheFormula() {
    ScaledLogistic f = new ScaledLogistic(-0.5, 2.0);
    INDArray out = f.getActivation(Nd4j.createFromArray(X), false);
    for (int i = 0; i < X.length; i++) {
      assertEquals(-0.5 + 2.5 / (1 + Math.exp(-X[i])), out.getDouble(i), 1e-12);
    }
    // with f0 = -1, f1 = 1 it is tanh(x / 2)
    INDArray t = new ScaledLogistic(-1, 1).getActivation(Nd4j.createFromArray(X), false);
    for (int i = 0; i < X.length; i++) assertEquals(Math.tanh(X[i] / 2), t.getDouble(i), 1e-12);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    ScaledLogistic f = new ScaledLogistic(-0.5, 2.0);
    double[] eps = {0.3, -1.2, 2, 0.5, 1, -0.7, 0.9, 1.1, -2};
    INDArray grad = f.backprop(Nd4j.createFromArray(X), Nd4j.createFromArray(eps)).getFirst();
    double h = 1e-5;
    for (int i = 0; i < X.length; i++) {
      double up = f.getActivation(Nd4j.createFromArray(new double[] {X[i] + h}), false).getDouble(0);
      double down = f.getActivation(Nd4j.createFromArray(new double[] {X[i] - h}), false).getDouble(0);
      assertEquals(eps[i] * (up - down) / (2 * h), grad.getDouble(i), 1e-8);
    }
  }

  @Test
  void survivesDl4jJsonAndModelSerializer(@TempDir Path tmp) throws Exception {
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(6, 3)).withActivation(ActivationKind.SCALED_LOGISTIC, -0.25, 1.75);
    MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.build(c, 10));
    net.init();
    String json = net.getLayerWiseConfigurations().toJson();
    assertTrue(json.contains(ScaledLogistic.class.getName()), json);
    ModelSerializer.writeModel(net, tmp.resolve("m.zip").toFile(), true);
    MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(tmp.resolve("m.zip").toFile(), true);
    assertEquals(new ScaledLogistic(-0.25, 1.75), ((BaseLayer) back.getLayerWiseConfigurations().getConf(0).getLayer()).getActivationFn());
    INDArray x = Nd4j.linspace(-2, 2, 30, DataType.FLOAT).reshape(3, 10);
    assertArrayEquals(net.output(x).ravel().toFloatVector(), back.output(x).ravel().toFloatVector());
  }
}
