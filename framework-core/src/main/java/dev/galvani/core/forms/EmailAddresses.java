package dev.galvani.core.forms;

/**
 * E-mail address checks without regular expressions: the length is capped first (254 characters,
 * the longest address SMTP carries), then the local part and the domain are read once each.
 */
public final class EmailAddresses {
  static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL_LENGTH = 64;
  private static final String ATOM_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  private EmailAddresses() {}

  /** {@code user.name+tag@example.com}: a dot-atom local part, {@code @}, a domain. */
  public static boolean isValid(String value) {
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    int at = value.lastIndexOf('@');
    if (at < 1 || at == value.length() - 1) {
      return false;
    }
    return isLocalPart(value.substring(0, at)) && Hostnames.isDomain(value.substring(at + 1), true);
  }

  private static boolean isLocalPart(String local) {
    if (local.length() > MAX_LOCAL_LENGTH || local.startsWith(".") || local.endsWith(".")) {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean atom =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ATOM_SPECIALS.indexOf(c) >= 0;
      if (!atom && !(c == '.' && previous != '.')) {
        return false;
      }
      previous = c;
    }
    return true;
  }
}
