package org.moho.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.testdata.RealData;

/** One load per JVM for the DoFns of a worker, and a fresh load when the bundle is rewritten. */
class SharedBundlesTest {
  static float[][] windows;

  @BeforeAll
  static void data() throws Exception {
    windows = RealData.seismogramWindows(32, 200);
  }

  static TrainedAutoencoder train(int seed) {
    return new AutoencoderTrainer(AutoencoderConfig.dense(List.of(16, 4)).withTraining(2, 32, 3e-3, seed))
        .train(TrainingData.of(windows));
  }

  @Test
  void aBundleIsLoadedOnceAndReloadedWhenRewritten(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelBundle.write(dir, train(1));
    ModelBundle first = SharedBundles.get(dir);
    assertSame(first, SharedBundles.get(dir), "the second DoFn of this JVM gets the loaded bundle");
    assertSame(first, SharedBundles.get(tmp.resolve("./model")), "the same folder by another path");

    ModelBundle.write(dir, train(2)); // a rerun of training writes the bundle again, in place
    ModelBundle second = SharedBundles.get(dir);
    assertNotSame(first, second);
    assertEquals(ModelBundle.readInfo(dir).modelSha256(), second.info().modelSha256());

    double[] shared = ReconstructionErrorScorer.shared(dir).score(windows, false, false).mse();
    double[] loaded = ReconstructionErrorScorer.load(dir).score(windows, false, false).mse();
    assertArrayEquals(loaded, shared, 0.0, "a shared scorer scores as a freshly loaded one");
  }

  @Test
  void scorersOfASharedBundleHaveTheirOwnNetwork(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelBundle.write(dir, train(3));
    ReconstructionErrorScorer a = ReconstructionErrorScorer.shared(dir);
    ReconstructionErrorScorer b = ReconstructionErrorScorer.shared(dir);
    assertSame(a.bundle(), b.bundle());
    assertNotSame(a.network(), b.network(), "DL4J networks are not thread-safe: each scorer clones");
    assertArrayEquals(a.network().params().toFloatVector(), b.network().params().toFloatVector());
  }

  @Test
  void aDamagedBundleIsRefusedAndNotCached(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelBundle.write(dir, train(4));
    Path zip = dir.resolve(ModelBundle.MODEL);
    byte[] bytes = Files.readAllBytes(zip);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(zip, bytes);
    BundleException e = assertThrows(BundleException.class, () -> SharedBundles.get(dir));
    assertEquals(true, e.getMessage().contains("does not match the checksum"), e.getMessage());
    assertThrows(BundleException.class, () -> SharedBundles.get(dir), "a refused bundle is checked again, not cached");
  }
}
