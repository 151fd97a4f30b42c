package dev.galvani.orm.migrations.shop;

import dev.galvani.orm.ModelApp;
import java.util.List;

/** An app whose migrations are written by hand; its package holds them in {@code migrations}. */
public final class ShopApp implements ModelApp {
  @Override
  public String name() {
    return "migshop";
  }

  @Override
  public List<Class<?>> models() {
    return List.of();
  }
}
