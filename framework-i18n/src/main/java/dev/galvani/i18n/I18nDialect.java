package dev.galvani.i18n;

import dev.galvani.core.http.Request;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Adds the {@code #i18n} expression object ({@link I18nExpressions}) to every template. */
final class I18nDialect extends AbstractDialect implements IExpressionObjectDialect {
  I18nDialect() {
    super("Galvani i18n");
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("i18n");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        Request request = context.getVariable("request") instanceof Request r ? r : null;
        return new I18nExpressions(request, context.getLocale());
      }

      @Override
      public boolean isCacheable(String name) {
        return false;
      }
    };
  }
}
