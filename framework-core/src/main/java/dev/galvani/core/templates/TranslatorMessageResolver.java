package dev.galvani.core.templates;

import dev.galvani.core.i18n.Translator;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Thymeleaf's {@code #{...}} messages through the active {@link Translator}: the key is the English
 * text (the gettext msgid), {@code #{'Latest polls'}} or {@code #{'Hello, {0}!'(${name})}} with
 * positional parameters. Without framework-i18n the English text is shown; an untranslated message
 * shows its msgid, never {@code ??key??}.
 */
final class TranslatorMessageResolver implements IMessageResolver {
  @Override
  public String getName() {
    return "gettext";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    String text = Translator.current().gettext(key);
    if (messageParameters == null || messageParameters.length == 0) {
      return text;
    }
    // one pass, so a parameter's own text (user data with "{1}") is never expanded
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = c == '{' ? text.indexOf('}', i) : -1;
      if (end > i + 1
          && end - i <= 3
          && text.substring(i + 1, end).chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(text.substring(i + 1, end));
        if (index < messageParameters.length) {
          out.append(messageParameters[index]);
          i = end + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    return key;
  }
}
