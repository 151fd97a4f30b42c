package dev.galvani.orm.views;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.OrmSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A form that creates a row, like Django's {@code CreateView}: GET shows an empty {@link
 * dev.galvani.orm.forms.ModelForm}, POST saves and redirects, or shows the form again with its
 * errors. The template gets {@code form} (a core {@code BoundForm}). Immutable and thread-safe.
 *
 * <pre>{@code
 * path("new/", CreateView.of(Question.class, "polls/question_form.html",
 *     question -> "/polls/" + question.getId() + "/").fields("text", "pubDate"), "create")
 * }</pre>
 */
public final class CreateView<T> implements Handler {
  private final FormView<T> view;

  private CreateView(FormView<T> view) {
    this.view = view;
  }

  /** {@code successUrl} gets the saved row and names where to go next. */
  public static <T> CreateView<T> of(
      Class<T> model, String template, Function<T, String> successUrl) {
    return new CreateView<>(
        new FormView<>(model, template, successUrl, List.of(), OrmSettings.DEFAULT));
  }

  /** The fields the form offers, in order (all editable ones by default). */
  public CreateView<T> fields(String... names) {
    return new CreateView<>(
        new FormView<>(view.model, view.template, view.successUrl, List.of(names), view.database));
  }

  public CreateView<T> database(String name) {
    return new CreateView<>(
        new FormView<>(view.model, view.template, view.successUrl, view.fields, name));
  }

  @Override
  public Response handle(Request request) {
    return view.handle(request, Optional.empty());
  }
}
