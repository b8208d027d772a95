package org.moho.core.data;

/**
 * Where a grid's values sit. Gridline: nodes on the lines of the region's bounds (the corners
 * are nodes). Pixel: values at cell centres, half a spacing inside the bounds (GMT's {@code -r}).
 */
public enum Registration {
  GRIDLINE,
  PIXEL
}
