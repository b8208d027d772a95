package org.moho.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GreatCircleTest {
  @Test
  void knownDistances() {
    // Rosetta Code "Haversine formula": Nashville BNA (36.12 N, 86.67 W) to Los Angeles LAX
    // (33.94 N, 118.40 W) = 2887.2599506071106 km on a sphere of 6372.8 km; scaled to 6371 km.
    assertEquals(2887.2599506071106 * 6371.0 / 6372.8, GreatCircle.km(-86.67, 36.12, -118.40, 33.94), 1e-9);
    // A quarter of the equator, and a meridian from pole to equator: pi/2 * 6371 km.
    assertEquals(Math.PI / 2 * 6371, GreatCircle.km(0, 0, 90, 0), 1e-9);
    assertEquals(Math.PI / 2 * 6371, GreatCircle.km(123, 90, 10, 0), 1e-9);
    // Antipodes: half the circumference (haversine loses digits there, asin near 1: 0.2 m).
    assertEquals(Math.PI * 6371, GreatCircle.km(20, 10, -160, -10), 1e-3);
    // One degree of longitude at 60 N along the parallel is 55.6 km; the great circle is a hair shorter.
    double gc = GreatCircle.km(0, 60, 1, 60);
    assertTrue(gc < Math.PI / 180 * 6371 * 0.5 && gc > Math.PI / 180 * 6371 * 0.5 - 0.01, "" + gc);
  }

  @Test
  void longitudeConventionsAgree() {
    double oneDegree = Math.PI / 180 * 6371; // 111.195 km
    assertEquals(oneDegree, GreatCircle.km(359.5, 0, 0.5, 0), 1e-9);
    assertEquals(GreatCircle.km(200, 30, 201, 31), GreatCircle.km(-160, 30, -159, 31), 1e-9);
    assertEquals(-160.0, GreatCircle.wrapFrom(200, -180), 1e-12);
    assertEquals(200.0, GreatCircle.wrapFrom(-160, 160), 1e-12);
  }

  @Test
  void regionsCompareLongitudesModulo360() {
    Region pac = Region.of(160, 210, 17, 55);
    assertTrue(pac.contains(-160, 30)); // 200 E
    assertTrue(pac.contains(210, 55)); // edges included
    assertFalse(pac.contains(150, 30));
    assertFalse(pac.contains(-140, 30)); // 220 E
    Region dateline = Region.of(170, -170, -10, 10);
    assertTrue(dateline.contains(179, 0));
    assertTrue(dateline.contains(-175, 0));
    assertFalse(dateline.contains(0, 0));
    assertTrue(Region.ALL.contains(0, -90));
  }
}
