package org.moho.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/** Checks shared by the plot tests: a real PNG of the stated size, not blank, with its dpi recorded. */
final class Pngs {
  private Pngs() {}

  /** Where the tests leave their figures for a person to look at (io/target/test-plots). */
  static Path folder() throws IOException {
    Path dir = Path.of(System.getProperty("moho.repo")).resolve("io/target/test-plots");
    Files.createDirectories(dir);
    return dir;
  }

  static BufferedImage readChecked(Path png, int width, int height, int dpi) throws IOException {
    assertTrue(Files.isRegularFile(png), png + " exists");
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(width, img.getWidth());
    assertEquals(height, img.getHeight());
    assertTrue(lumaStdDev(img) > 20, "not blank: luma standard deviation " + lumaStdDev(img));
    assertEquals(dpi, dpi(png), 0.5, "dpi recorded in pHYs");
    return img;
  }

  static double lumaStdDev(BufferedImage img) {
    double sum = 0;
    double sum2 = 0;
    long n = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        sum += l;
        sum2 += l * l;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  }

  /** Pixels of a colour within {@code tol} per channel. */
  static int count(BufferedImage img, java.awt.Color c, int tol) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 0xff) - c.getRed()) <= tol && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) <= tol
            && Math.abs((rgb & 0xff) - c.getBlue()) <= tol) n++;
      }
    }
    return n;
  }

  static double dpi(Path png) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      NodeList phys = root.getElementsByTagName("pHYs");
      if (phys.getLength() == 0) return Double.NaN;
      IIOMetadataNode p = (IIOMetadataNode) phys.item(0);
      return Double.parseDouble(p.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
    }
  }
}
