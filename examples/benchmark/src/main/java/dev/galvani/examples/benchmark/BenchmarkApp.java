package dev.galvani.examples.benchmark;

import dev.galvani.core.Galvani;
import dev.galvani.orm.ModelApp;
import dev.galvani.orm.Orm;
import java.util.List;

/**
 * The benchmark's models and templates ({@code templates/bench/}). On startup it makes sure the
 * TechEmpower tables exist and hold their data, see {@link BenchmarkData}.
 */
public final class BenchmarkApp implements ModelApp {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public List<Class<?>> models() {
    return List.of(World.class, Fortune.class, PageItem.class);
  }

  @Override
  public void ready(Galvani galvani) {
    BenchmarkData.ensure(Orm.database(galvani));
  }
}
