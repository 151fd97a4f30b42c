package dev.galvani.core.templates;

import dev.galvani.core.Galvani;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.dialect.IProcessorDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.processor.IProcessor;

/**
 * Adds the {@code #urls} and {@code #static} expression objects to every template, and the CSRF
 * field to every POST form.
 */
final class GalvaniDialect extends AbstractDialect
    implements IExpressionObjectDialect, IProcessorDialect {
  private final UrlExpressions urls;
  private final StaticExpressions statics;

  GalvaniDialect(Galvani galvani) {
    super("galvani");
    this.urls = new UrlExpressions(galvani);
    this.statics = new StaticExpressions(galvani);
  }

  @Override
  public String getPrefix() {
    return "galvani";
  }

  @Override
  public int getDialectProcessorPrecedence() {
    return 1000;
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(new CsrfFormProcessor(dialectPrefix));
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
