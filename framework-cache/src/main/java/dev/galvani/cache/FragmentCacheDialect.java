package dev.galvani.cache;

import dev.galvani.core.cache.Caches;
import dev.galvani.core.cache.NamedCache;
import dev.galvani.core.http.Request;
import dev.galvani.core.security.ContentSecurityPolicyMiddleware;
import dev.galvani.core.security.Csrf;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.TemplateManager;
import org.thymeleaf.engine.TemplateModel;
import org.thymeleaf.inline.NoOpInliner;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.ITemplateEvent;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.FastStringWriter;

/**
 * Template fragment caching (Django's {@code {% cache %}}): the element carrying {@code
 * galvani:cache} is rendered once and then served from the cache, body and all.
 *
 * <pre>{@code
 * <aside galvani:cache="'sidebar'" galvani:cache-timeout="${600}" galvani:cache-vary="${user.id}">
 * }</pre>
 *
 * <ul>
 *   <li>{@code galvani:cache}: the fragment's name, an expression ({@code 'sidebar'});
 *   <li>{@code galvani:cache-timeout}: seconds to keep it, else the cache's default timeout;
 *   <li>{@code galvani:cache-vary}: a value (or list) the fragment depends on, kept apart per
 *       value;
 *   <li>{@code galvani:cache-using}: the cache's name, else {@code default}.
 * </ul>
 *
 * <p>The key also holds the template's name and the locale. Local variables ({@code th:each},
 * {@code th:with}) are visible inside; {@code th:each}, {@code th:if} and {@code th:with} on the
 * same element run first, {@code th:text} and the rest inside the cached render. A fragment holding
 * a CSRF form field is never stored, since the token belongs to one visitor: cache around forms.
 * Outside a request (emails) and when the cache fails, the element is rendered uncached.
 */
public final class FragmentCacheDialect extends AbstractProcessorDialect {
  public FragmentCacheDialect() {
    super("Galvani fragment cache", "galvani", 1000);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(new CacheProcessor(dialectPrefix));
  }

  private static final class CacheProcessor extends AbstractElementModelProcessor {
    private static final Logger LOG = LoggerFactory.getLogger("galvani.cache");
    private static final String[] ATTRIBUTES = {
      "cache", "cache-timeout", "cache-vary", "cache-using"
    };

    CacheProcessor(String prefix) {
      // after th:each (200), th:if (300), th:with (600); before th:text (1300) and th:remove
      super(TemplateMode.HTML, prefix, null, false, "cache", true, 650);
    }

    @Override
    protected void doProcess(
        ITemplateContext context, IModel model, IElementModelStructureHandler structure) {
      String prefix = getDialectPrefix();
      IProcessableElementTag tag = (IProcessableElementTag) model.get(0);
      Optional<NamedCache> cache = cache(context, tag, prefix);
      String name = String.valueOf(evaluate(context, tag.getAttributeValue(prefix, "cache")));
      String key =
          "template.cache."
              + name
              + "."
              + NamedCache.hashed(
                  context.getTemplateData().getTemplate()
                      + "\n"
                      + evaluate(context, tag.getAttributeValue(prefix, "cache-vary"))
                      + "\n"
                      + context.getLocale());
      String html = cache.flatMap(c -> read(c, key)).orElse(null);
      if (html == null) {
        Request request = (Request) context.getVariable("request");
        int tokensBefore = request == null ? 0 : Csrf.tokensIssued(request);
        html = render(context, model, tag, prefix);
        if (cache.isPresent() && isShareable(request, tokensBefore, html, key)) {
          write(cache.get(), key, html, timeout(context, tag, prefix, cache.get()));
        }
      }
      model.reset();
      model.add(context.getModelFactory().createText(html));
      // the stored HTML is final: [[...]] in it is text, never evaluated again
      structure.setInliner(NoOpInliner.INSTANCE);
    }

    private Optional<NamedCache> cache(
        ITemplateContext context, IProcessableElementTag tag, String prefix) {
      if (!(context.getVariable("request") instanceof Request request)) {
        return Optional.empty();
      }
      Object using = evaluate(context, tag.getAttributeValue(prefix, "cache-using"));
      return request
          .galvani()
          .service(Caches.KEY)
          .map(caches -> caches.cache(using == null ? Caches.DEFAULT : String.valueOf(using)));
      // without CacheApp's caches (a core-only site using the dialect) the element renders as is
    }

    private static Optional<String> read(NamedCache cache, String key) {
      try {
        return cache.get(key, String.class);
      } catch (RuntimeException e) {
        if (e instanceof NamedCache.InvalidCacheKey) {
          throw e;
        }
        LOG.warn("A template fragment could not be read from the cache: {}", e.toString());
        return Optional.empty();
      }
    }

    /**
     * Whether the rendered fragment may be served to others: not when it took a CSRF token or holds
     * the request's CSP nonce, both of which belong to this one response.
     */
    private static boolean isShareable(Request request, int tokensBefore, String html, String key) {
      if (request == null) {
        return true;
      }
      if (Csrf.tokensIssued(request) > tokensBefore) {
        LOG.warn(
            "Template fragment {} holds a CSRF token, which belongs to one visitor, so it is not"
                + " cached; cache around forms and tokens, not over them",
            key);
        return false;
      }
      Optional<String> nonce = request.get(ContentSecurityPolicyMiddleware.NONCE);
      if (nonce.isPresent() && html.contains(nonce.get())) {
        LOG.warn(
            "Template fragment {} holds this response's CSP nonce, so it is not cached; keep"
                + " nonce'd scripts outside cached fragments",
            key);
        return false;
      }
      return true;
    }

    private static void write(NamedCache cache, String key, String html, Duration timeout) {
      try {
        cache.set(key, html, timeout);
      } catch (RuntimeException e) {
        LOG.warn("A template fragment could not be stored in the cache: {}", e.toString());
      }
    }

    private static Duration timeout(
        ITemplateContext context, IProcessableElementTag tag, String prefix, NamedCache cache) {
      Object value = evaluate(context, tag.getAttributeValue(prefix, "cache-timeout"));
      if (value == null) {
        return cache.defaultTimeout();
      }
      if (value instanceof Duration duration) {
        return duration;
      }
      try {
        return Duration.ofSeconds(Long.parseLong(String.valueOf(value).trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "galvani:cache-timeout must be a number of seconds or a Duration, not '" + value + "'");
      }
    }

    /** Renders the element without the cache attributes, in the current context. */
    private static String render(
        ITemplateContext context, IModel model, IProcessableElementTag tag, String prefix) {
      IModelFactory factory = context.getModelFactory();
      IProcessableElementTag clean = tag;
      for (String attribute : ATTRIBUTES) {
        clean = factory.removeAttribute(clean, prefix, attribute);
      }
      model.replace(0, clean);
      TemplateManager templates = context.getConfiguration().getTemplateManager();
      TemplateModel fragment =
          templates.parseString(
              context.getTemplateData(),
              markup(model),
              clean.getLine(),
              clean.getCol(),
              null,
              true);
      FastStringWriter out = new FastStringWriter(1024);
      templates.process(fragment, context, out);
      return out.toString();
    }

    /**
     * The element's markup as written. Not {@code model.toString()}: the parser turns inline {@code
     * [[...]]} into synthetic blocks that would print as broken tags.
     */
    private static String markup(IModel model) {
      StringWriter out = new StringWriter();
      try {
        for (int i = 0; i < model.size(); i++) {
          ITemplateEvent event = model.get(i);
          if (event instanceof IProcessableElementTag element) {
            if (element.isSynthetic()) {
              continue;
            }
            out.write('<');
            out.write(element.getElementCompleteName());
            for (IAttribute attribute : element.getAllAttributes()) {
              out.write(' ');
              attribute.write(out);
            }
            boolean minimized =
                element instanceof IStandaloneElementTag standalone && standalone.isMinimized();
            out.write(minimized ? "/>" : ">");
          } else {
            event.write(out);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }

    private static Object evaluate(ITemplateContext context, String expression) {
      if (expression == null || expression.isBlank()) {
        return null;
      }
      return StandardExpressions.getExpressionParser(context.getConfiguration())
          .parseExpression(context, expression)
          .execute(context);
    }
  }
}
