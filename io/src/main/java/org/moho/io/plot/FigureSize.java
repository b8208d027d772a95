package org.moho.io.plot;

import org.moho.core.stage.ConfigException;

/** The checks every figure's size and resolution share. */
final class FigureSize {
  static final int MIN_WIDTH = 400;
  static final int MIN_HEIGHT = 300;
  static final int MAX_PIXELS = 8000;

  private FigureSize() {}

  static void check(int width, int height, int dpi) {
    ConfigException.check(width >= MIN_WIDTH && width <= MAX_PIXELS, "width",
        "must be " + MIN_WIDTH + ".." + MAX_PIXELS + " pixels, got " + width);
    ConfigException.check(height >= MIN_HEIGHT && height <= MAX_PIXELS, "height",
        "must be " + MIN_HEIGHT + ".." + MAX_PIXELS + " pixels, got " + height);
    ConfigException.check(dpi >= 72 && dpi <= 1200, "dpi", "must be 72..1200, got " + dpi);
  }
}
