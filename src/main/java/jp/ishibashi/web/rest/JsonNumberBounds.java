package jp.ishibashi.web.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.ishibashi.shared.Bounds;
import jp.ishibashi.shared.DomainException;

/**
 * Checks every number of a JSON request body against {@link Bounds} on its raw token, before JSON-B
 * turns it into a {@code BigDecimal} or a {@code long}: a quantity or a unit price within its
 * bounds (an amount's decimals are checked again against its currency), any other number a
 * whole number that fits a long. {@code 1e300000000} is 11 characters
 * of valid JSON, yet the first {@code setScale} or {@code longValue} on it would run for minutes.
 *
 * <p>A quantity or unit price may be sent as a number or as a numeric string ({@code "1500"}); any
 * other value there is a wrong type. A refusal is a 400 problem whose {@code field} is the path of
 * the value, such as {@code unitPrice} or {@code edits[0].quantity}.
 */
@Provider
public class JsonNumberBounds implements ReaderInterceptor {

  static final String OUT_OF_BOUNDS = "error.number.outOfBounds";

  static final String NUL_IN_TEXT = "error.text.nul";
  /** A wrong type is a malformed body, as JSON-B answers for every other member. */
  static final String NOT_A_NUMBER = Problems.MALFORMED;

  /** Longer than any number the portal takes, written out in full: refused unread. */
  static final int MAX_TOKEN = 40;

  private static final Set<String> QUANTITIES = Set.of("quantity");
  private static final Set<String> AMOUNTS = Set.of("unitPrice");

  /** A JSON number, as a string may also carry one. */
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** An id, a version or a count: digits only, never an exponent or a fraction. */
  private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]*)");

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (isJson(context.getMediaType())) {
      byte[] body = context.getInputStream().readAllBytes();
      if (body.length > 0) {
        check(body);
      }
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  /**
   * Refuses the first number out of bounds, value of the wrong type, or text holding a NUL
   * character, with a domain error at its path. A body that is not JSON fails as JSON-B would fail on it: a 400 malformed problem.
   */
  static void check(byte[] body) {
    Deque<Level> levels = new ArrayDeque<>();
    try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        Level level = levels.peek();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            notNumeric(level, levels);
            levels.push(new Level(event == JsonParser.Event.START_ARRAY, level));
          }
          case END_OBJECT, END_ARRAY -> {
            levels.pop();
            advance(levels.peek());
          }
          case KEY_NAME -> level.key = parser.getString();
          case VALUE_NUMBER -> {
            number(level, parser.getString(), levels);
            advance(level);
          }
          case VALUE_STRING -> {
            String text = parser.getString();
            if (text.indexOf('\u0000') >= 0) {
              // No text the portal keeps may hold NUL, and PostgreSQL refuses to store it.
              throw DomainException.at(path(levels), NUL_IN_TEXT);
            }
            if (level != null && level.numeric() != null) {
              number(level, text, levels);
            }
            advance(level);
          }
          case VALUE_TRUE, VALUE_FALSE -> {
            notNumeric(level, levels);
            advance(level);
          }
          case VALUE_NULL -> advance(level);
        }
      }
    }
  }

  private static void advance(Level level) {
    if (level != null) {
      level.next();
    }
  }

  /** A value that is not a number where a quantity or an amount is expected is refused. */
  private static void notNumeric(Level level, Deque<Level> levels) {
    if (level != null && level.numeric() != null) {
      throw DomainException.at(path(levels), NOT_A_NUMBER);
    }
  }

  private static void number(Level level, String raw, Deque<Level> levels) {
    String field = path(levels);
    if (raw.length() > MAX_TOKEN) {
      throw DomainException.at(field, OUT_OF_BOUNDS);
    }
    if (!NUMBER.matcher(raw).matches()) {
      throw DomainException.at(field, NOT_A_NUMBER);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(raw);
    } catch (NumberFormatException exponentTooLarge) {
      throw DomainException.at(field, OUT_OF_BOUNDS);
    }
    String numeric = level == null ? null : level.numeric();
    if (numeric == null) {
      if (!WHOLE.matcher(raw).matches() || !Bounds.isWhole(value)) {
        throw DomainException.at(field, OUT_OF_BOUNDS);
      }
    } else if (QUANTITIES.contains(numeric)) {
      if (!Bounds.isQuantity(value)) {
        throw DomainException.at(field, "error.line.quantity.format");
      }
    } else if (!Bounds.isAmountSize(value)) {
      throw DomainException.at(field, "error.amount.tooLarge", Bounds.MAX_AMOUNT);
    } else if (Bounds.decimals(value) > Bounds.FINEST_DECIMALS) {
      throw DomainException.at(field, OUT_OF_BOUNDS);
    }
  }

  /** The path of the value being read: {@code edits[0].quantity}. */
  private static String path(Deque<Level> levels) {
    StringBuilder path = new StringBuilder();
    var outermostFirst = levels.descendingIterator();
    while (outermostFirst.hasNext()) {
      Level level = outermostFirst.next();
      if (level.array) {
        path.append('[').append(level.index).append(']');
      } else if (level.key != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(level.key);
      }
    }
    return path.length() == 0 ? null : path.toString();
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && "application".equalsIgnoreCase(type.getType())
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  /** An object or array being read: its current key, or the index of its current element. */
  private static final class Level {
    final boolean array;
    final Level parent;
    String key;
    int index;

    Level(boolean array, Level parent) {
      this.array = array;
      this.parent = parent;
    }

    void next() {
      if (array) {
        index++;
      }
    }

    /** The numeric field this level's current value belongs to, if any. */
    String numeric() {
      String name = array ? (parent == null ? null : parent.numeric()) : key;
      return name != null && (QUANTITIES.contains(name) || AMOUNTS.contains(name)) ? name : null;
    }
  }
}
