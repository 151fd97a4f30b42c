package dev.galvani.core.urls;

import dev.galvani.core.http.MethodNotAllowed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves paths to routes and reverses route names to URLs. Built once at startup from the root
 * routes; immutable and thread-safe.
 */
public final class UrlResolver {
  private static final Pattern PARAMETER = Pattern.compile("<(?:([^<>:]+):)?([^<>:]+)>");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<CompiledRoute> routes = new ArrayList<>();
  private final Map<String, List<CompiledRoute>> literalRoutes = new HashMap<>();
  private int firstPatternIndex = Integer.MAX_VALUE;
  private final Map<String, CompiledRoute> byName = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * Compiles the routes. Problems (unknown converters, bad argument names) are collected for the
   * {@code urls.E001} startup check instead of thrown one at a time.
   */
  public UrlResolver(List<Route> rootRoutes, Map<String, Converter> converters) {
    flatten(rootRoutes, List.of(), "", null, converters);
    for (int index = 0; index < routes.size(); index++) {
      CompiledRoute route = routes.get(index);
      if (route.regex == null) {
        literalRoutes.computeIfAbsent(route.literalPath, p -> new ArrayList<>()).add(route);
      } else {
        firstPatternIndex = Math.min(firstPatternIndex, index);
      }
      if (route.name != null) {
        byName.putIfAbsent(route.name, route);
      }
    }
  }

  /** Configuration problems found while compiling; empty when every route is valid. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /**
   * Finds the route for a method and decoded path ({@code /polls/5/}): the first route, in the
   * order declared, that matches the path and accepts the method, as in Django.
   *
   * @throws MethodNotAllowed when routes match the path but none accepts the method
   */
  public Optional<ResolverMatch> resolve(String method, String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    // fast path: a pattern without captures declared before every pattern with captures
    List<CompiledRoute> literal = literalRoutes.get(relative);
    if (literal != null
        && literal.get(0).index < firstPatternIndex
        && literal.get(0).accepts(method)) {
      return Optional.of(literal.get(0).matchWith(Map.of()));
    }
    Set<String> allowed = null;
    for (CompiledRoute route : routes) {
      Map<String, Object> args =
          route.regex == null
              ? (route.literalPath.equals(relative) ? Map.of() : null)
              : route.match(relative);
      if (args != null) {
        if (route.accepts(method)) {
          return Optional.of(route.matchWith(args));
        }
        allowed = addAllowed(allowed, route);
      }
    }
    if (allowed != null) {
      throw new MethodNotAllowed(method, allowed);
    }
    return Optional.empty();
  }

  /** Whether some route matches the path with this method (used by APPEND_SLASH). */
  public boolean matches(String method, String path) {
    try {
      return resolve(method, path).isPresent();
    } catch (MethodNotAllowed e) {
      return true;
    }
  }

  /** Builds the URL of a named route from positional arguments. */
  public String reverse(String name, Object... args) {
    CompiledRoute route = named(name);
    if (args.length == route.explicit.size() && route.explicit.size() < route.parameters.size()) {
      Map<String, Object> byPosition = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        byPosition.put(route.explicit.get(i).name, args[i]);
      }
      return route.build(name, route.withImplicit(byPosition));
    }
    if (args.length != route.parameters.size()) {
      throw new NoReverseMatch(
          "Reverse for '"
              + name
              + "' got "
              + args.length
              + " argument(s) "
              + describe(args)
              + " but expects "
              + route.expectation());
    }
    Map<String, Object> byPosition = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      byPosition.put(route.parameters.get(i).name, args[i]);
    }
    return route.build(name, byPosition);
  }

  /** Builds the URL of a named route from named arguments. */
  public String reverse(String name, Map<String, ?> args) {
    CompiledRoute route = named(name);
    Set<String> expected =
        route.parameters.stream().map(p -> p.name).collect(Collectors.toCollection(TreeSet::new));
    Map<String, ?> all = route.withImplicit(args);
    if (!expected.equals(new TreeSet<>(all.keySet()))) {
      throw new NoReverseMatch(
          "Reverse for '"
              + name
              + "' got arguments "
              + new TreeSet<>(args.keySet())
              + " but expects "
              + route.expectation());
    }
    return route.build(name, all);
  }

  /** Builds the URL of a named route and appends a query string. */
  public String reverse(String name, List<?> args, Map<String, ?> query) {
    String url = reverse(name, args.toArray());
    if (query.isEmpty()) {
      return url;
    }
    StringBuilder builder = new StringBuilder(url).append('?');
    query.forEach(
        (key, value) -> {
          if (builder.charAt(builder.length() - 1) != '?') {
            builder.append('&');
          }
          builder.append(encodeQuery(key)).append('=').append(encodeQuery(String.valueOf(value)));
        });
    return builder.toString();
  }

  /** Every route in resolution order, for the {@code urls} command and the DEBUG 404 page. */
  public List<RouteInfo> routes() {
    List<RouteInfo> infos = new ArrayList<>();
    for (CompiledRoute route : routes) {
      infos.add(
          new RouteInfo(
              route.fullPattern, Optional.ofNullable(route.name), route.route.allowedMethods()));
    }
    return infos;
  }

  /** A route as listed by the {@code urls} command. */
  public record RouteInfo(String pattern, Optional<String> name, Set<String> methods) {}

  private CompiledRoute named(String name) {
    CompiledRoute route = byName.get(name);
    if (route == null) {
      throw new NoReverseMatch(
          "No route is named '" + name + "'. Named routes: " + String.join(", ", byName.keySet()));
    }
    return route;
  }

  private static String describe(Object[] args) {
    List<String> shown = new ArrayList<>();
    for (Object arg : args) {
      shown.add(String.valueOf(arg));
    }
    return shown.toString();
  }

  private static Set<String> addAllowed(Set<String> allowed, CompiledRoute route) {
    Set<String> result = allowed == null ? new TreeSet<>() : allowed;
    result.addAll(route.route.allowedMethods());
    return result;
  }

  private void flatten(
      List<Route> level,
      List<Part> prefix,
      String prefixText,
      String namespace,
      Map<String, Converter> converters) {
    for (Route route : level) {
      if (route.pattern().startsWith("/")) {
        problems.add(
            "Pattern '"
                + route.pattern()
                + "' starts with '/': remove the slash;"
                + " patterns are relative to their include");
        continue;
      }
      List<Part> parts = new ArrayList<>(prefix);
      if (!parse(route.pattern(), converters, parts)) {
        continue;
      }
      String fullPattern = prefixText + route.pattern();
      if (route.isInclude()) {
        String childNamespace =
            route
                .namespace()
                .map(ns -> namespace == null ? ns : namespace + ":" + ns)
                .orElse(namespace);
        flatten(route.children(), parts, fullPattern, childNamespace, converters);
      } else {
        String name =
            route.name().map(n -> namespace == null ? n : namespace + ":" + n).orElse(null);
        CompiledRoute compiled = CompiledRoute.of(route, name, fullPattern, parts, routes.size());
        Set<String> seen = new TreeSet<>();
        for (Part part : compiled.parameters) {
          if (!seen.add(part.name)) {
            problems.add("Pattern '" + fullPattern + "' captures '" + part.name + "' twice");
          }
        }
        routes.add(compiled);
      }
    }
  }

  private boolean parse(String pattern, Map<String, Converter> converters, List<Part> parts) {
    Matcher matcher = PARAMETER.matcher(pattern);
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > last) {
        parts.add(Part.literal(pattern.substring(last, matcher.start())));
      }
      String converterName = matcher.group(1) == null ? "str" : matcher.group(1);
      String argument = matcher.group(2);
      Converter converter = converters.get(converterName);
      if (converter == null) {
        problems.add(
            "Pattern '"
                + pattern
                + "' uses unknown converter '"
                + converterName
                + "'; known converters: "
                + String.join(", ", converters.keySet())
                + " (register more with Settings.converter)");
        return false;
      }
      if (!IDENTIFIER.matcher(argument).matches()) {
        problems.add(
            "Pattern '"
                + pattern
                + "' has an invalid argument name '"
                + argument
                + "': use a Java identifier");
        return false;
      }
      if (Pattern.compile(converter.regex()).matcher("").groupCount() != 0) {
        problems.add(
            "Converter '"
                + converterName
                + "' has capturing groups in its regex;"
                + " use (?:...) instead");
        return false;
      }
      parts.add(Part.parameter(converterName, argument, converter));
      last = matcher.end();
    }
    String rest = pattern.substring(last);
    if (rest.indexOf('<') >= 0 || rest.indexOf('>') >= 0) {
      problems.add("Pattern '" + pattern + "' has an unbalanced '<' or '>'");
      return false;
    }
    if (!rest.isEmpty()) {
      parts.add(Part.literal(rest));
    }
    return true;
  }

  static String encodePath(String text, boolean keepSlash) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@".indexOf(c) >= 0
              || (keepSlash && c == '/');
      if (safe) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  private static String encodeQuery(String text) {
    return encodePath(text, true).replace("&", "%26").replace("=", "%3D").replace("+", "%2B");
  }

  private record Part(String literal, String converterName, String name, Converter converter) {
    static Part literal(String text) {
      return new Part(text, null, null, null);
    }

    static Part parameter(String converterName, String name, Converter converter) {
      return new Part(null, converterName, name, converter);
    }

    boolean isLiteral() {
      return literal != null;
    }
  }

  private static final class CompiledRoute {
    final Route route;
    final String name;
    final String fullPattern;
    final List<Part> parts;
    final List<Part> parameters;
    final List<Part> explicit;
    final Pattern regex;
    final String literalPath;
    final int index;

    private CompiledRoute(
        Route route, String name, String fullPattern, List<Part> parts, int index) {
      this.index = index;
      this.route = route;
      this.name = name;
      this.fullPattern = fullPattern;
      this.parts = List.copyOf(parts);
      this.parameters = parts.stream().filter(p -> !p.isLiteral()).toList();
      this.explicit = parameters.stream().filter(p -> !p.converter.isImplicit()).toList();
      if (parameters.isEmpty()) {
        this.regex = null;
        this.literalPath = parts.stream().map(Part::literal).collect(Collectors.joining());
      } else {
        StringBuilder pattern = new StringBuilder();
        for (Part part : parts) {
          pattern.append(
              part.isLiteral() ? Pattern.quote(part.literal) : "(" + part.converter.regex() + ")");
        }
        this.regex = Pattern.compile(pattern.toString());
        this.literalPath = null;
      }
    }

    static CompiledRoute of(
        Route route, String name, String fullPattern, List<Part> parts, int index) {
      return new CompiledRoute(route, name, fullPattern, parts, index);
    }

    /** The arguments with each implicit one the caller left out filled in. */
    Map<String, ?> withImplicit(Map<String, ?> args) {
      if (explicit.size() == parameters.size()) {
        return args;
      }
      Map<String, Object> all = new LinkedHashMap<>(args);
      for (Part part : parameters) {
        if (part.converter.isImplicit() && !all.containsKey(part.name)) {
          all.put(part.name, part.converter.implicitValue());
        }
      }
      return all;
    }

    ResolverMatch matchWith(Map<String, Object> args) {
      return new ResolverMatch(route, displayName(), fullPattern, args);
    }

    String displayName() {
      return name == null ? fullPattern : name;
    }

    boolean accepts(String method) {
      Set<String> methods = route.allowedMethods();
      return methods.isEmpty() || methods.contains(method);
    }

    Map<String, Object> match(String path) {
      Matcher matcher = regex.matcher(path);
      if (!matcher.matches()) {
        return null;
      }
      Map<String, Object> args = new LinkedHashMap<>();
      for (int i = 0; i < parameters.size(); i++) {
        Part part = parameters.get(i);
        try {
          args.put(part.name, part.converter.toJava(matcher.group(i + 1)));
        } catch (IllegalArgumentException e) {
          return null; // a segment the converter refuses is simply not a match
        }
      }
      return Collections.unmodifiableMap(args);
    }

    String expectation() {
      if (parameters.isEmpty()) {
        return "no arguments (pattern '" + fullPattern + "')";
      }
      List<String> shown = new ArrayList<>();
      for (Part part : parameters) {
        shown.add("<" + part.converterName + ":" + part.name + ">");
      }
      return parameters.size()
          + " argument(s) "
          + String.join(", ", shown)
          + " (pattern '"
          + fullPattern
          + "')";
    }

    String build(String requestedName, Map<String, ?> args) {
      StringBuilder url = new StringBuilder("/");
      for (Part part : parts) {
        if (part.isLiteral()) {
          url.append(encodePath(part.literal, true));
          continue;
        }
        Object value = args.get(part.name);
        String text = value == null ? null : part.converter.toUrl(value);
        if (text == null || !text.matches(part.converter.regex())) {
          throw new NoReverseMatch(
              "Reverse for '"
                  + requestedName
                  + "': argument "
                  + part.name
                  + "="
                  + value
                  + " does not match <"
                  + part.converterName
                  + ":"
                  + part.name
                  + "> ("
                  + part.converter.regex()
                  + "); expects "
                  + expectation());
        }
        url.append(encodePath(text, part.converterName.equals("path")));
      }
      return url.toString();
    }
  }
}
