package dev.galvani.orm.views;

import dev.galvani.core.http.MethodNotAllowed;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.Database;
import dev.galvani.orm.forms.BoundModelForm;
import dev.galvani.orm.forms.ModelForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What CreateView and UpdateView share: the form's fields, GET shows it, POST saves or re-shows.
 */
final class FormView<T> {
  final Class<T> model;
  final String template;
  final Function<T, String> successUrl;
  final List<String> fields;
  final String database;

  FormView(
      Class<T> model,
      String template,
      Function<T, String> successUrl,
      List<String> fields,
      String database) {
    this.model = model;
    this.template = template;
    this.successUrl = successUrl;
    this.fields = List.copyOf(fields);
    this.database = database;
  }

  ModelForm<T> form(Database db) {
    ModelForm<T> form = ModelForm.of(db, model);
    return fields.isEmpty() ? form : form.fields(fields.toArray(String[]::new));
  }

  Response handle(Request request, Optional<T> existing) {
    Database db = ModelViews.database(request, database);
    ModelForm<T> form = form(db);
    BoundModelForm<T> bound;
    switch (request.method()) {
      case "GET", "HEAD" -> bound = existing.map(form::unbound).orElseGet(form::unbound);
      case "POST" -> {
        bound = existing.isPresent() ? form.bind(request, existing.get()) : form.bind(request);
        Optional<T> saved = bound.save();
        if (saved.isPresent()) {
          return Response.redirect(successUrl.apply(saved.get()));
        }
      }
      default -> throw new MethodNotAllowed(request.method(), Set.of("GET", "HEAD", "POST"));
    }
    Map<String, Object> context = new HashMap<>();
    context.put("form", bound.form());
    existing.ifPresent(
        object -> {
          context.put("object", object);
          context.put(ModelViews.objectName(model), object);
        });
    return Response.render(request, template, context);
  }
}
