package dev.galvani.orm.views;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.NotFound;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.OrmSettings;
import dev.galvani.orm.Page;
import dev.galvani.orm.QuerySet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A view rendering a list of rows, optionally paginated ({@code ?page=2}), like Django's {@code
 * ListView}. The template gets {@code objects} (also under {@code <model>List}, e.g. {@code
 * questionList}) and, when paginated, {@code page} ({@link Page}). Pages read one row more than
 * they show instead of counting the table. Immutable and thread-safe.
 *
 * <pre>{@code
 * path("", ListView.of(Question.class, "polls/index.html")
 *     .query(questions -> questions.orderBy("-pubDate")).paginateBy(10), "index")
 * }</pre>
 */
public final class ListView<T> implements Handler {
  private final Class<T> model;
  private final String template;
  private final UnaryOperator<QuerySet<T>> refine;
  private final int pageSize;
  private final String database;

  private ListView(
      Class<T> model,
      String template,
      UnaryOperator<QuerySet<T>> refine,
      int pageSize,
      String database) {
    this.model = model;
    this.template = template;
    this.refine = refine;
    this.pageSize = pageSize;
    this.database = database;
  }

  public static <T> ListView<T> of(Class<T> model, String template) {
    return new ListView<>(model, template, UnaryOperator.identity(), 0, OrmSettings.DEFAULT);
  }

  /** Narrows or orders the rows shown. */
  public ListView<T> query(UnaryOperator<QuerySet<T>> refine) {
    return new ListView<>(model, template, refine, pageSize, database);
  }

  /** Shows {@code size} rows per page; {@code ?page=N} picks the page, past the end is 404. */
  public ListView<T> paginateBy(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("A page holds at least one row, not " + size);
    }
    return new ListView<>(model, template, refine, size, database);
  }

  /** Reads from a database other than {@code default}. */
  public ListView<T> database(String name) {
    return new ListView<>(model, template, refine, pageSize, name);
  }

  @Override
  public Response handle(Request request) {
    QuerySet<T> query = ModelViews.query(request, database, model, refine);
    Map<String, Object> context = new HashMap<>();
    List<T> objects;
    if (pageSize > 0) {
      int number = ModelViews.pageNumber(request);
      Page<T> page = query.page(number, pageSize);
      if (page.isEmpty() && number > 1) {
        throw new NotFound("Page " + number + " is past the end");
      }
      objects = page.items();
      context.put("page", page);
    } else {
      objects = query.list();
    }
    context.put("objects", objects);
    context.put(ModelViews.objectName(model) + "List", objects);
    return Response.render(request, template, context);
  }
}
