package dev.galvani.core.messages;

import dev.galvani.core.App;
import dev.galvani.core.templates.ContextProcessor;
import java.util.List;

/**
 * The messages app: lists it in {@code Settings.apps} to give every template {@code messages}
 * (Django's {@code django.contrib.messages} context processor). Pair it with {@link
 * MessageMiddleware} in the middleware.
 */
public final class MessagesApp implements App {
  @Override
  public String name() {
    return "messages";
  }

  @Override
  public List<ContextProcessor> contextProcessors() {
    return List.of(Messages.contextProcessor());
  }
}
