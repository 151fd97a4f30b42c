package dev.galvani.orm.views;

import dev.galvani.core.http.NotFound;
import dev.galvani.core.http.Request;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.QuerySet;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** What the generic views share: the database, the query refinement and the object lookup. */
final class ModelViews {
  private ModelViews() {}

  static Database database(Request request, String name) {
    return Orm.of(request.galvani()).database(name);
  }

  static <T> QuerySet<T> query(
      Request request, String database, Class<T> model, UnaryOperator<QuerySet<T>> refine) {
    return refine.apply(database(request, database).objects(model));
  }

  /** The object the URL names through its path argument, or 404. */
  static <T> T object(Request request, QuerySet<T> query, String field, String pathArgument) {
    String value = request.pathString(pathArgument);
    return query.getOr404(field, value);
  }

  /** {@code Question} -> {@code question}, the name templates use for one object. */
  static String objectName(Class<?> model) {
    String simple = model.getSimpleName();
    return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
  }

  static int pageNumber(Request request) {
    String raw = request.query().get("page", "1");
    try {
      int number = Integer.parseInt(raw);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through to the 404 Django gives for a page that is not a number
    }
    throw new NotFound("Page '" + raw + "' is not a page number");
  }
}
