package org.moho.core.stage;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

/** The stage types known to this run, by name: every {@link StageModule} on the classpath. */
public final class StageRegistry {
  private final Map<String, StageType<?>> types;

  @Inject
  StageRegistry(Map<String, StageType<?>> types) {
    this.types = Map.copyOf(types);
  }

  /** The registry of every StageModule found by ServiceLoader on the class loader. */
  public static StageRegistry discover(ClassLoader loader) {
    List<Module> modules = new ArrayList<>();
    for (StageModule m : ServiceLoader.load(StageModule.class, loader)) modules.add(m);
    return of(modules);
  }

  public static StageRegistry discover() {
    return discover(Thread.currentThread().getContextClassLoader());
  }

  /** A registry from explicit modules (tests, embedding). */
  public static StageRegistry of(List<? extends Module> modules) {
    List<Module> all = new ArrayList<>(modules);
    all.add(new StageModule() {
      @Override
      protected void configureStages() {}
    });
    try {
      Injector injector = Guice.createInjector(all);
      return new StageRegistry(injector.getInstance(Key.get(new TypeLiteral<Map<String, StageType<?>>>() {})));
    } catch (CreationException e) {
      throw new IllegalStateException("stage modules conflict: " + e.getErrorMessages().iterator().next().getMessage(), e);
    }
  }

  public Optional<StageType<?>> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public SortedSet<String> names() {
    return new TreeSet<>(types.keySet());
  }
}
