package org.moho.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
  private final Location at = new Location("t.yaml", 1, 1);

  private YNode apply(String text, Problems p, Set<String> used) {
    Map<String, Object> params = Map.of("n", 3L, "tags", List.of("a", "b"), "grid", Path.of("/data/g.nc"), "name", "x");
    return new Interpolator(params, params.keySet(), Path.of("/runs/out"), Map.of("HOME", "/home/me"), p, used)
        .apply(new YNode.Scalar(text, at));
  }

  @Test
  void aWholeReferenceKeepsItsType() {
    Problems p = new Problems();
    Set<String> used = new HashSet<>();
    assertEquals(3L, ((YNode.Scalar) apply("${n}", p, used)).value());
    YNode list = apply("${tags}", p, used);
    assertTrue(list instanceof YNode.Sequence s && s.items().size() == 2);
    assertEquals("/data/g.nc", ((YNode.Scalar) apply("${grid}", p, used)).value());
    assertEquals(Set.of("n", "tags", "grid"), used);
    assertTrue(p.all().isEmpty());
  }

  @Test
  void referencesInsideTextAreSplicedAndEscapesKept() {
    Problems p = new Problems();
    assertEquals("/runs/out/x-3.csv", ((YNode.Scalar) apply("${out}/${name}-${n}.csv", p, new HashSet<>())).value());
    assertEquals("/home/me/a,b", ((YNode.Scalar) apply("${env.HOME}/${tags}", p, new HashSet<>())).value());
    assertEquals("cost: ${n} is literal", ((YNode.Scalar) apply("cost: $${n} is literal", p, new HashSet<>())).value());
    assertTrue(p.all().isEmpty());
  }
}
