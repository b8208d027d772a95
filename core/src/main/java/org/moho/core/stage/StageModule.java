package org.moho.core.stage;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

/**
 * A Guice module that contributes stage types. List the subclass in
 * {@code META-INF/services/org.moho.core.stage.StageModule} and Moho finds it with
 * {@link java.util.ServiceLoader}: a jar on the classpath adds stage types without a change to
 * Moho. Modules only declare bindings; two modules binding the same stage name is an error when
 * the registry is built.
 */
public abstract class StageModule extends AbstractModule {
  /** Registers {@code type} under {@code name} (e.g. {@code "table.read"}); Guice constructs it. */
  protected final void stage(String name, Class<? extends StageType<?>> type) {
    stages().addBinding(name).to(type);
  }

  private MapBinder<String, StageType<?>> stages() {
    return MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<StageType<?>>() {});
  }

  @Override
  protected void configure() {
    stages(); // a module with no stages still declares the map, so an empty registry is legal
    configureStages();
  }

  /** Call {@link #stage} here for each stage type of the module. */
  protected abstract void configureStages();
}
