package jp.ishibashi.notification;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A notification's message arguments as one column: joined by U+001F (the unit separator), which
 * no argument may contain; control characters in an argument become spaces.
 */
final class NotificationParams {

  static final char SEPARATOR = '\u001F';
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final String[] NONE = {};

  private NotificationParams() {}

  static String encode(String... args) {
    if (args == null || args.length == 0) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        joined.append(SEPARATOR);
      }
      joined.append(args[i] == null ? "" : CONTROL.matcher(args[i]).replaceAll(" "));
    }
    return joined.toString();
  }

  static String[] decode(String params) {
    if (params == null) {
      return NONE;
    }
    return Arrays.stream(params.split(String.valueOf(SEPARATOR), -1)).toArray(String[]::new);
  }
}
