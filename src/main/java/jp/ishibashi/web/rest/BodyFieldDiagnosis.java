package jp.ishibashi.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Names the field of a JSON body that could not be read. JSON-B names the property in most of its
 * failures, but not for an unknown enum constant or an array where a text belongs; then each of
 * the body's members is read alone into the same type, and the first that fails is the field the
 * problem details name ({@link Problems}). Only bodies that failed are read twice.
 */
@Provider
public class BodyFieldDiagnosis implements ReaderInterceptor {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !"json".equalsIgnoreCase(type.getSubtype())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    try {
      return context.proceed();
    } catch (RuntimeException failure) {
      if (!unnamed(failure)) {
        throw failure;
      }
      String field = field(new String(body, StandardCharsets.UTF_8), context.getGenericType());
      if (field == null) {
        throw failure;
      }
      throw new JsonbException(
          "Unable to deserialize property '" + field + "' because of: " + failure.getMessage(),
          failure);
    }
  }

  /** Whether the failure is JSON-B's and names no property. */
  private static boolean unnamed(Throwable failure) {
    boolean jsonb = false;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof JsonbException) {
        jsonb = true;
      }
      if (t.getMessage() != null && t.getMessage().contains("deserialize property '")) {
        return false;
      }
    }
    return jsonb;
  }

  /** The first member of the body that cannot be read alone into the type, or null. */
  static String field(String body, Type type) {
    JsonObject object;
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return null;
      }
      object = value.asJsonObject();
    } catch (JsonException | IllegalStateException malformed) {
      return null;
    }
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      String alone = Json.createObjectBuilder().add(member.getKey(), member.getValue()).build().toString();
      try {
        JSONB.fromJson(alone, type);
      } catch (JsonbException | IllegalArgumentException | ClassCastException broken) {
        return member.getKey();
      }
    }
    return null;
  }
}
