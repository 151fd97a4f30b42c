package dev.galvani.core.templates;

import dev.galvani.core.Galvani;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Adds the {@code #urls} and {@code #static} expression objects to every template. */
final class GalvaniDialect extends AbstractDialect implements IExpressionObjectDialect {
  private final UrlExpressions urls;
  private final StaticExpressions statics;

  GalvaniDialect(Galvani galvani) {
    super("galvani");
    this.urls = new UrlExpressions(galvani);
    this.statics = new StaticExpressions(galvani);
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("urls", "static");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return "urls".equals(name) ? urls : statics;
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }
}
