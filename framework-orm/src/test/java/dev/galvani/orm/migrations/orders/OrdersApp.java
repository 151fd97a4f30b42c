package dev.galvani.orm.migrations.orders;

import dev.galvani.orm.ModelApp;
import java.util.List;

/** An app whose first migration needs a table of {@code migshop}. */
public final class OrdersApp implements ModelApp {
  @Override
  public String name() {
    return "migorders";
  }

  @Override
  public List<Class<?>> models() {
    return List.of();
  }
}
