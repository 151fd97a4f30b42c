package dev.galvani.orm.views;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.OrmSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A form that edits the row named by the URL ({@code <int:id>}), like Django's {@code UpdateView}:
 * 404 when it does not exist, GET shows the form filled from the row, POST saves and redirects or
 * shows the errors. The template gets {@code form} and {@code object}. Immutable and thread-safe.
 */
public final class UpdateView<T> implements Handler {
  private final FormView<T> view;

  private UpdateView(FormView<T> view) {
    this.view = view;
  }

  public static <T> UpdateView<T> of(
      Class<T> model, String template, Function<T, String> successUrl) {
    return new UpdateView<>(
        new FormView<>(model, template, successUrl, List.of(), OrmSettings.DEFAULT));
  }

  /** The fields the form offers, in order (all editable ones by default). */
  public UpdateView<T> fields(String... names) {
    return new UpdateView<>(
        new FormView<>(view.model, view.template, view.successUrl, List.of(names), view.database));
  }

  public UpdateView<T> database(String name) {
    return new UpdateView<>(
        new FormView<>(view.model, view.template, view.successUrl, view.fields, name));
  }

  @Override
  public Response handle(Request request) {
    T object =
        ModelViews.object(
            request, ModelViews.database(request, view.database).objects(view.model), "id", "id");
    return view.handle(request, Optional.of(object));
  }
}
