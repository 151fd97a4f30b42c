package dev.galvani.core.templates;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.i18n.Translator;
import dev.galvani.core.security.ContentSecurityPolicyMiddleware;
import dev.galvani.core.security.Csrf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Thymeleaf configured from settings. Templates are found, in order, in the project's {@code
 * src/main/resources/templates/} (DEBUG only, so edits show on reload), {@code
 * Settings.templateDirs}, then {@code templates/} on the classpath, where each app keeps its own
 * folder ({@code templates/polls/index.html}). Cached in production, re-read in DEBUG. Thread-safe.
 */
public final class Templates {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_\\-./]*");

  /** Names already checked against SAFE_NAME: a page renders a handful, checked once each. */
  private static final int CHECKED_NAMES_MAX = 4096;

  private final TemplateEngine engine = new TemplateEngine();
  private final Set<String> checkedNames = ConcurrentHashMap.newKeySet();
  private final List<Path> directories = new ArrayList<>();
  private final List<ContextProcessor> processors = new ArrayList<>();

  public Templates(Galvani galvani) {
    Settings settings = galvani.settings();
    Path source = settings.sourceResources().resolve("templates");
    if (settings.debug() && Files.isDirectory(source)) {
      directories.add(source);
    }
    directories.addAll(settings.templateDirs());
    int order = 1;
    for (Path directory : directories) {
      FileTemplateResolver resolver = new FileTemplateResolver();
      resolver.setPrefix(directory.toAbsolutePath() + "/");
      engine.addTemplateResolver(configure(resolver, settings, order++));
    }
    ClassLoaderTemplateResolver classpath =
        new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
    classpath.setPrefix("templates/");
    engine.addTemplateResolver(configure(classpath, settings, order));
    engine.addDialect(new GalvaniDialect(galvani));
    engine.setMessageResolver(new TranslatorMessageResolver());
    for (App app : settings.apps()) {
      processors.addAll(app.contextProcessors());
      for (IDialect dialect : app.templateDialects()) {
        engine.addDialect(dialect);
      }
    }
  }

  private static AbstractConfigurableTemplateResolver configure(
      AbstractConfigurableTemplateResolver resolver, Settings settings, int order) {
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(!settings.debug());
    resolver.setOrder(order);
    return resolver;
  }

  /** Renders a template into a response that remembers its template name and context. */
  public Response render(Request request, String template, Map<String, ?> context) {
    Map<String, Object> variables = contextFor(request, context);
    return Response.rendered(process(template, variables), template, variables);
  }

  /** Renders a template to text without a request (emails, error pages). */
  public String renderToString(String template, Map<String, ?> context) {
    return process(template, new HashMap<>(context));
  }

  /** Whether a template of this name exists (used for overridable error pages). */
  public boolean exists(String template) {
    if (!isSafeName(template)) {
      return false;
    }
    for (Path directory : directories) {
      if (Files.isRegularFile(directory.resolve(template))) {
        return true;
      }
    }
    return Templates.class.getClassLoader().getResource("templates/" + template) != null;
  }

  private Map<String, Object> contextFor(Request request, Map<String, ?> context) {
    Map<String, Object> variables = new HashMap<>();
    for (ContextProcessor processor : processors) {
      variables.putAll(processor.contribute(request));
    }
    variables.put("request", request);
    if (Csrf.isActive(request)) {
      variables.put("csrf", new CsrfContext(request));
    }
    if (!request.galvani().settings().contentSecurityPolicy().isEmpty()) {
      // a nonce means something only with a policy; without one no random bytes are drawn
      ContentSecurityPolicyMiddleware.nonce(request).ifPresent(n -> variables.put("cspNonce", n));
    }
    variables.putAll(context);
    return variables;
  }

  private String process(String template, Map<String, Object> variables) {
    if (!isSafeName(template)) {
      throw new IllegalArgumentException(
          "Invalid template name '"
              + template
              + "': use a relative path such as 'polls/index.html'");
    }
    Locale locale =
        variables.get("request") instanceof Request request
            ? request.get(Request.LANGUAGE).map(Locale::forLanguageTag).orElse(Locale.ENGLISH)
            : Locale.forLanguageTag(Translator.current().language());
    return engine.process(template, new VariablesContext(variables, locale));
  }

  /** A template name is code, never user input: fragment syntax and path tricks are refused. */
  private boolean isSafeName(String template) {
    if (checkedNames.contains(template)) {
      return true;
    }
    boolean safe = SAFE_NAME.matcher(template).matches() && !template.contains("..");
    if (safe && checkedNames.size() < CHECKED_NAMES_MAX) {
      checkedNames.add(template);
    }
    return safe;
  }

  /**
   * The render's variables as Thymeleaf's context, without copying them into a {@code Context}
   * first (Thymeleaf copies them into its engine context anyway).
   */
  private record VariablesContext(Map<String, Object> variables, Locale locale)
      implements IContext {
    @Override
    public Locale getLocale() {
      return locale;
    }

    @Override
    public boolean containsVariable(String name) {
      return variables.containsKey(name);
    }

    @Override
    public Set<String> getVariableNames() {
      return variables.keySet();
    }

    @Override
    public Object getVariable(String name) {
      return variables.get(name);
    }
  }
}
