package dev.galvani.orm.views;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.OrmSettings;
import dev.galvani.orm.QuerySet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A view rendering one row named by the URL ({@code <int:id>} by default), 404 when there is none,
 * like Django's {@code DetailView}. The template gets {@code object} and the model's name ({@code
 * question}). Immutable and thread-safe.
 *
 * <pre>{@code
 * path("<int:id>/", DetailView.of(Question.class, "polls/detail.html"), "detail")
 * }</pre>
 */
public final class DetailView<T> implements Handler {
  private final Class<T> model;
  private final String template;
  private final UnaryOperator<QuerySet<T>> refine;
  private final String field;
  private final String pathArgument;
  private final String database;

  private DetailView(
      Class<T> model,
      String template,
      UnaryOperator<QuerySet<T>> refine,
      String field,
      String pathArgument,
      String database) {
    this.model = model;
    this.template = template;
    this.refine = refine;
    this.field = field;
    this.pathArgument = pathArgument;
    this.database = database;
  }

  public static <T> DetailView<T> of(Class<T> model, String template) {
    return new DetailView<>(
        model, template, UnaryOperator.identity(), "id", "id", OrmSettings.DEFAULT);
  }

  /** Limits which rows can be shown (e.g. only published ones): others are 404. */
  public DetailView<T> query(UnaryOperator<QuerySet<T>> refine) {
    return new DetailView<>(model, template, refine, field, pathArgument, database);
  }

  /**
   * Looks the row up by {@code field} from the path argument {@code pathArgument} (a slug, say).
   */
  public DetailView<T> lookup(String field, String pathArgument) {
    return new DetailView<>(model, template, refine, field, pathArgument, database);
  }

  public DetailView<T> database(String name) {
    return new DetailView<>(model, template, refine, field, pathArgument, name);
  }

  @Override
  public Response handle(Request request) {
    T object =
        ModelViews.object(
            request, ModelViews.query(request, database, model, refine), field, pathArgument);
    Map<String, Object> context = new HashMap<>();
    context.put("object", object);
    context.put(ModelViews.objectName(model), object);
    return Response.render(request, template, context);
  }
}
