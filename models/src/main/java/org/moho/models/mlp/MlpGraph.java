package org.moho.models.mlp;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A committee of plain dense networks in one graph: {@code x [N, B, in] → out [N, B, k]}. For
 * regression (k = 1) the loss is the mean squared error against {@code y [N, B]}; for
 * classification the output is a softmax over k classes and the loss the cross-entropy against
 * one-hot {@code y [N, B, k]}. Outputs {@code out}, {@code member_loss [N]} and {@code loss}.
 */
public final class MlpGraph {
  private MlpGraph() {}

  public static SameDiff build(int members, int inputs, List<Integer> hidden, EnsembleGraph.Activation act,
      long seed, int classes) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.FLOAT, members, -1, inputs);
    boolean regression = classes <= 1;
    SDVariable y = regression ? sd.placeHolder("y", DataType.FLOAT, members, -1)
        : sd.placeHolder("y", DataType.FLOAT, members, -1, classes);
    SDVariable raw = EnsembleGraph.trunk(sd, x, members, inputs, hidden, regression ? 1 : classes, seed, act, 1.0);
    SDVariable memberLoss;
    if (regression) {
      SDVariable out = raw.reshape(members, -1).rename("out");
      memberLoss = sd.math.squaredDifference(out, y).mean("member_loss", 1);
    } else {
      // log-softmax by hand: SameDiff M2.1 cannot load a saved graph holding its LogSoftMax op
      SDVariable shifted = raw.sub(raw.max(true, 2));
      SDVariable e = sd.math.exp(shifted);
      SDVariable sum = e.sum(true, 2);
      e.div(sum).rename("out");
      SDVariable logp = shifted.sub(sd.math.log(sum));
      memberLoss = logp.mul(y).sum(2).mean(1).neg().rename("member_loss");
    }
    memberLoss.sum("loss");
    sd.setLossVariables("loss");
    return sd;
  }
}
