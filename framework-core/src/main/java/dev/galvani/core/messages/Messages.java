package dev.galvani.core.messages;

import dev.galvani.core.http.Request;
import dev.galvani.core.templates.ContextProcessor;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Flash messages: a note left for the visitor's next page ("Your vote was saved."), shown once.
 * Needs {@link MessageMiddleware}; templates see them as {@code messages} through {@link
 * MessagesApp}.
 *
 * <pre>{@code
 * Messages.success(request, "Your vote was saved.");
 * return Response.redirect("/polls/");
 * }</pre>
 *
 * <p>Reading them, with {@link #get(Request)} or by iterating {@code messages} in a template, marks
 * them used: they are gone after this response. Messages nobody read stay for the next request
 * (Django's semantics).
 */
public final class Messages {
  private Messages() {}

  /**
   * Adds a message for this visitor; below {@link MessageSettings#minimumLevel()} it is dropped.
   *
   * @throws IllegalStateException when {@link MessageMiddleware} is not in the settings
   */
  public static void add(Request request, Level level, String text) {
    storage(request).add(new Message(level, text));
  }

  public static void debug(Request request, String text) {
    add(request, Level.DEBUG, text);
  }

  public static void info(Request request, String text) {
    add(request, Level.INFO, text);
  }

  public static void success(Request request, String text) {
    add(request, Level.SUCCESS, text);
  }

  public static void warning(Request request, String text) {
    add(request, Level.WARNING, text);
  }

  public static void error(Request request, String text) {
    add(request, Level.ERROR, text);
  }

  /**
   * The messages for this visitor, oldest first, marked used.
   *
   * @throws IllegalStateException when {@link MessageMiddleware} is not in the settings
   */
  public static List<Message> get(Request request) {
    return List.copyOf(storage(request).consume());
  }

  /**
   * A context processor giving templates {@code messages}: a list read only when the template uses
   * it. Iterating it marks the messages used; {@code size()} and {@code isEmpty()} do not. Without
   * {@link MessageMiddleware} the list is empty. {@link MessagesApp} contributes it.
   */
  public static ContextProcessor contextProcessor() {
    return request ->
        Map.of(
            "messages",
            request
                .get(MessageStorage.KEY)
                .<List<Message>>map(TemplateMessages::new)
                .orElse(List.of()));
  }

  private static MessageStorage storage(Request request) {
    return request
        .get(MessageStorage.KEY)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Flash messages need MessageMiddleware in Settings.middleware (after"
                        + " SessionMiddleware, to keep them in the session)"));
  }

  /** The lazy list templates see: loads on first use, and only iterating marks messages used. */
  private static final class TemplateMessages extends AbstractList<Message> {
    private final MessageStorage storage;

    TemplateMessages(MessageStorage storage) {
      this.storage = storage;
    }

    @Override
    public Message get(int index) {
      return storage.consume().get(index);
    }

    @Override
    public int size() {
      return storage.peek().size();
    }

    @Override
    public Iterator<Message> iterator() {
      return List.copyOf(storage.consume()).iterator();
    }
  }
}
