package dev.galvani.orm.views;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.MethodNotAllowed;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.Database;
import dev.galvani.orm.OrmSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Deletes one row with confirmation, like Django's {@code DeleteView}: GET renders the confirmation
 * template with {@code object}; POST (CSRF-checked like every POST) deletes and redirects.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * path("<int:id>/delete/", DeleteView.of(Question.class, "polls/confirm_delete.html",
 *     request -> request.galvani().reverse("polls:index")), "delete")
 * }</pre>
 */
public final class DeleteView<T> implements Handler {
  private final Class<T> model;
  private final String template;
  private final Function<Request, String> successUrl;
  private final String database;

  private DeleteView(
      Class<T> model, String template, Function<Request, String> successUrl, String database) {
    this.model = model;
    this.template = template;
    this.successUrl = successUrl;
    this.database = database;
  }

  public static <T> DeleteView<T> of(
      Class<T> model, String template, Function<Request, String> successUrl) {
    return new DeleteView<>(model, template, successUrl, OrmSettings.DEFAULT);
  }

  public DeleteView<T> database(String name) {
    return new DeleteView<>(model, template, successUrl, name);
  }

  @Override
  public Response handle(Request request) {
    Database db = ModelViews.database(request, database);
    T object = ModelViews.object(request, db.objects(model), "id", "id");
    switch (request.method()) {
      case "GET", "HEAD" -> {
        Map<String, Object> context = new HashMap<>();
        context.put("object", object);
        context.put(ModelViews.objectName(model), object);
        return Response.render(request, template, context);
      }
      case "POST" -> {
        db.delete(object);
        return Response.redirect(successUrl.apply(request));
      }
      default -> throw new MethodNotAllowed(request.method(), Set.of("GET", "HEAD", "POST"));
    }
  }
}
