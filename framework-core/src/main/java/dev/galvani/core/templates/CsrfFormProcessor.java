package dev.galvani.core.templates;

import dev.galvani.core.http.Request;
import dev.galvani.core.security.Csrf;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.model.AttributeValueQuotes;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractElementModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Inserts the hidden CSRF field into every {@code <form method="post">} whose action stays on the
 * site (no action, or one starting with a single '/'), so templates need nothing for CSRF.
 */
final class CsrfFormProcessor extends AbstractElementModelProcessor {
  CsrfFormProcessor(String dialectPrefix) {
    super(TemplateMode.HTML, dialectPrefix, "form", false, null, false, 10_000);
  }

  @Override
  protected void doProcess(
      ITemplateContext context, IModel model, IElementModelStructureHandler structureHandler) {
    if (!(context.getVariable("request") instanceof Request request) || !Csrf.isActive(request)) {
      return;
    }
    IProcessableElementTag form = (IProcessableElementTag) model.get(0);
    String method = attribute(form, "method", "th:method");
    String action = attribute(form, "action", "th:action");
    if (!"post".equals(method.toLowerCase(Locale.ROOT)) || !local(action)) {
      return;
    }
    // Thymeleaf processes a changed model again: leave a form that has its field already
    if (model.size() > 1
        && model.get(1) instanceof IProcessableElementTag first
        && Csrf.FIELD_NAME.equals(first.getAttributeValue("name"))) {
      return;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", "hidden");
    attributes.put("name", Csrf.FIELD_NAME);
    attributes.put("value", Csrf.token(request));
    model.insert(
        1,
        context
            .getModelFactory()
            .createStandaloneElementTag(
                "input", attributes, AttributeValueQuotes.DOUBLE, false, false));
  }

  private static String attribute(IProcessableElementTag tag, String plain, String prefixed) {
    String value = tag.getAttributeValue(plain);
    if (value == null) {
      value = tag.getAttributeValue(prefixed);
    }
    return value == null ? "" : value.trim();
  }

  /** An action that cannot send the token to another site (th:action expressions are local). */
  private static boolean local(String action) {
    if (action.isEmpty()) {
      return true;
    }
    // browsers drop tabs and line breaks inside URLs and read '\\' as '/': check what they send
    String sent = action.replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
    if (sent.chars().anyMatch(c -> c < 0x20)) {
      return false;
    }
    return sent.startsWith("/") && !sent.startsWith("//");
  }
}
