package dev.galvani.i18n;

import java.util.Locale;

/**
 * A catalog's {@code Plural-Forms} header, such as {@code nplurals=3; plural=(n%10==1 && n%100!=11
 * ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);}, parsed into an expression tree
 * and evaluated as GNU gettext does: C's integer operators on an unsigned long {@code n}. No script
 * engine is involved: the grammar is C's conditional expression over {@code n} and integer
 * literals, nothing else. Immutable and thread-safe.
 */
public final class PluralForms {
  /** English and most Germanic and Romance languages: {@code nplurals=2; plural=(n != 1);}. */
  public static final PluralForms GERMANIC = parse("nplurals=2; plural=(n != 1);");

  private final int count;
  private final Node plural;
  private final String source;

  private PluralForms(int count, Node plural, String source) {
    this.count = count;
    this.plural = plural;
    this.source = source;
  }

  /**
   * Parses a header value.
   *
   * @throws IllegalArgumentException naming what is wrong and where
   */
  public static PluralForms parse(String header) {
    String text = header.trim();
    int nplurals = -1;
    String expression = null;
    for (String part : text.split(";")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      int equals = item.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "Plural-Forms part '" + item + "' is not name=value (in '" + header + "')");
      }
      String name = item.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value = item.substring(equals + 1).trim();
      if (name.equals("nplurals")) {
        try {
          nplurals = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          nplurals = -1;
        }
        if (nplurals < 1 || nplurals > 32) {
          throw new IllegalArgumentException(
              "Plural-Forms nplurals must be a number from 1 to 32, not '" + value + "'");
        }
      } else if (name.equals("plural")) {
        expression = value;
      }
    }
    if (nplurals < 0 || expression == null) {
      throw new IllegalArgumentException(
          "Plural-Forms must give nplurals=N; plural=EXPRESSION; (got '" + header + "')");
    }
    return new PluralForms(nplurals, new Parser(expression).parseAll(), text);
  }

  /** How many plural forms the language has. */
  public int count() {
    return count;
  }

  /**
   * Which form to use for {@code n}, read as GNU gettext's unsigned long (so -1 is the largest
   * number, as in C); an index outside 0..count-1 (a wrong header) gives 0, as GNU gettext does.
   */
  public int index(long n) {
    long value = plural.eval(n);
    return Long.compareUnsigned(value, count) >= 0 ? 0 : (int) value;
  }

  @Override
  public String toString() {
    return source;
  }

  /** One node of the expression tree; evaluates with C's semantics on non-negative longs. */
  private interface Node {
    long eval(long n);
  }

  /** Recursive descent over C's precedence levels: ?:, ||, &&, == !=, < > <= >=, + -, * / %, !. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Node parseAll() {
      Node node = conditional();
      skipSpaces();
      if (at != text.length()) {
        throw error("unexpected '" + text.charAt(at) + "'");
      }
      return node;
    }

    private Node conditional() {
      Node condition = or();
      skipSpaces();
      if (peek('?')) {
        at++;
        Node then = conditional();
        expect(':');
        Node otherwise = conditional();
        return n -> condition.eval(n) != 0 ? then.eval(n) : otherwise.eval(n);
      }
      return condition;
    }

    private Node or() {
      Node left = and();
      while (match("||")) {
        Node l = left;
        Node right = and();
        left = n -> (l.eval(n) != 0 || right.eval(n) != 0) ? 1 : 0;
      }
      return left;
    }

    private Node and() {
      Node left = equality();
      while (match("&&")) {
        Node l = left;
        Node right = equality();
        left = n -> (l.eval(n) != 0 && right.eval(n) != 0) ? 1 : 0;
      }
      return left;
    }

    private Node equality() {
      Node left = relational();
      while (true) {
        Node l = left;
        if (match("==")) {
          Node right = relational();
          left = n -> l.eval(n) == right.eval(n) ? 1 : 0;
        } else if (match("!=")) {
          Node right = relational();
          left = n -> l.eval(n) != right.eval(n) ? 1 : 0;
        } else {
          return left;
        }
      }
    }

    private Node relational() {
      Node left = additive();
      while (true) {
        Node l = left;
        if (match("<=")) {
          Node right = additive();
          left = n -> Long.compareUnsigned(l.eval(n), right.eval(n)) <= 0 ? 1 : 0;
        } else if (match(">=")) {
          Node right = additive();
          left = n -> Long.compareUnsigned(l.eval(n), right.eval(n)) >= 0 ? 1 : 0;
        } else if (match("<")) {
          Node right = additive();
          left = n -> Long.compareUnsigned(l.eval(n), right.eval(n)) < 0 ? 1 : 0;
        } else if (match(">")) {
          Node right = additive();
          left = n -> Long.compareUnsigned(l.eval(n), right.eval(n)) > 0 ? 1 : 0;
        } else {
          return left;
        }
      }
    }

    private Node additive() {
      Node left = multiplicative();
      while (true) {
        Node l = left;
        if (match("+")) {
          Node right = multiplicative();
          left = n -> l.eval(n) + right.eval(n);
        } else if (match("-")) {
          Node right = multiplicative();
          left = n -> l.eval(n) - right.eval(n);
        } else {
          return left;
        }
      }
    }

    private Node multiplicative() {
      Node left = unary();
      while (true) {
        Node l = left;
        if (match("*")) {
          Node right = unary();
          left = n -> l.eval(n) * right.eval(n);
        } else if (match("/")) {
          Node right = unary();
          left = n -> divide(l.eval(n), right.eval(n), false);
        } else if (match("%")) {
          Node right = unary();
          left = n -> divide(l.eval(n), right.eval(n), true);
        } else {
          return left;
        }
      }
    }

    /** Division by zero gives 0 instead of a crash; GNU gettext raises SIGFPE there. */
    private static long divide(long left, long right, boolean remainder) {
      if (right == 0) {
        return 0;
      }
      return remainder ? Long.remainderUnsigned(left, right) : Long.divideUnsigned(left, right);
    }

    private Node unary() {
      skipSpaces();
      if (peek('!') && !(at + 1 < text.length() && text.charAt(at + 1) == '=')) {
        at++;
        Node operand = unary();
        return n -> operand.eval(n) == 0 ? 1 : 0;
      }
      return primary();
    }

    private Node primary() {
      skipSpaces();
      if (at >= text.length()) {
        throw error("the expression ends too early");
      }
      char c = text.charAt(at);
      if (c == '(') {
        at++;
        Node inner = conditional();
        expect(')');
        return inner;
      }
      if (c == 'n') {
        at++;
        return n -> n;
      }
      if (Character.isDigit(c)) {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
          at++;
        }
        if (at - start > 9) {
          throw error("the number " + text.substring(start, at) + " is too long");
        }
        long value = Long.parseLong(text.substring(start, at));
        return n -> value;
      }
      throw error("unexpected '" + c + "'");
    }

    private boolean match(String operator) {
      skipSpaces();
      if (text.startsWith(operator, at)) {
        // '<' must not eat '<=', '!' handled in unary, '=' alone is never valid
        if ((operator.equals("<") || operator.equals(">"))
            && at + 1 < text.length()
            && text.charAt(at + 1) == '=') {
          return false;
        }
        at += operator.length();
        return true;
      }
      return false;
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
      skipSpaces();
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "Plural-Forms expression '" + text + "': " + what + " at position " + (at + 1));
    }
  }
}
