package org.moho.io.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.moho.core.files.AtomicFiles;

/**
 * Writes a figure as PNG, atomically, with its resolution recorded (the pHYs chunk), so that a
 * 1600 px wide figure at 300 dpi drops into a paper as 13.5 cm wide, not at screen size.
 */
final class PngFiles {
  private PngFiles() {}

  static void write(Path target, BufferedImage image, int dpi) throws IOException {
    AtomicFiles.write(target, out -> {
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
      ImageWriter writer = writers.next();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        setDpi(meta, dpi);
        writer.write(new IIOImage(image, null, meta));
      } finally {
        writer.dispose();
      }
    });
  }

  private static void setDpi(IIOMetadata meta, int dpi) throws IOException {
    String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
    IIOMetadataNode phys = new IIOMetadataNode("pHYs");
    phys.setAttribute("pixelsPerUnitXAxis", perMetre);
    phys.setAttribute("pixelsPerUnitYAxis", perMetre);
    phys.setAttribute("unitSpecifier", "meter");
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    root.appendChild(phys);
    try {
      meta.mergeTree("javax_imageio_png_1.0", root);
    } catch (IIOInvalidTreeException e) {
      throw new IOException("cannot record " + dpi + " dpi in the PNG", e);
    }
  }
}
