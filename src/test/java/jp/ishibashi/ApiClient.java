package jp.ishibashi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the portal's REST API with its own cookie jar, so each instance is one session of one
 * user. Changes are sent as JSON; replies keep status, headers and body for assertions.
 */
public final class ApiClient {

  /** One HTTP reply. */
  public record Reply(int status, HttpResponse<String> response) {

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      return status + " " + body();
    }
  }

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final URI api;
  private String language;

  public ApiClient(URL base) {
    try {
      this.api = base.toURI().resolve("api/");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends {@code Accept-Language} with every request from now on (null: none). */
  public ApiClient language(String tag) {
    this.language = tag;
    return this;
  }

  /** Signs in and fails unless the API answers 204. */
  public ApiClient signIn(String email, String password) {
    Reply reply = post("session", object("email", email, "password", password));
    if (reply.status() != 204) {
      throw new IllegalStateException("Sign-in of " + email + " failed: " + reply);
    }
    return this;
  }

  /** The value of a cookie this session holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** A GET of a path relative to the portal's context root rather than {@code /api/}. */
  public Reply getFromRoot(String path) {
    return send("GET", "../" + path, null, null);
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  /**
   * Posts a page's form back as a browser would: URL-encoded fields, which must include the form's
   * own id and the page's {@link #viewState}. The path is relative to the context root.
   */
  public Reply postForm(String path, Map<String, String> fields) {
    return send("POST", "../" + path, "application/x-www-form-urlencoded", form(fields));
  }

  /** A file of a multipart form: the field's name, the file's name and its bytes. */
  public record FilePart(String field, String fileName, byte[] content) {}

  /**
   * Posts a page's form as a browser does with {@code enctype="multipart/form-data"}: the fields
   * (with the form's id and view state) and the files. The path is relative to the context root.
   */
  public Reply postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
    String boundary = "----ishibashi" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                        + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    for (FilePart file : files) {
      body.writeBytes(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                  + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve("../" + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return exchange(request);
  }

  /** The {@code jakarta.faces.ViewState} of a page, needed to post its forms. */
  public static String viewState(String html) {
    Matcher m =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("The page has no view state: " + html);
    }
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  /** Form fields, URL-encoded in the order given. */
  public static String form(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return body.toString();
  }

  public Reply post(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  public Reply put(String path, String json) {
    return send("PUT", path, "application/json", json);
  }

  /** A DELETE, which like every change carries Content-Type application/json. */
  public Reply delete(String path) {
    return send("DELETE", path, "application/json", null);
  }

  public Reply send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return exchange(request);
  }

  /** Sends a request in this client's language and reads the answer as text. */
  private Reply exchange(HttpRequest.Builder request) {
    if (language != null) {
      request.header("Accept-Language", language);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose answer is binary, such as a PDF download. */
  public HttpResponse<byte[]> getBytes(String path) {
    return sendBytes("GET", path, null, null);
  }

  /** A request with a binary body (a PDF upload); the answer is read as bytes. */
  public HttpResponse<byte[]> sendBytes(
      String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(Duration.ofSeconds(120))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The id of one of the agency's engaged subcontractors, found by name (GET /api/subcontractors). */
  public long subcontractorId(String name) {
    return get("subcontractors").array().getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /**
   * A JSON object from alternating names and values: strings, numbers, booleans, dates (as ISO
   * strings) and nulls.
   */
  public static String object(Object... namesAndValues) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      if (value == null) {
        o.addNull(name);
      } else if (value instanceof String s) {
        o.add(name, s);
      } else if (value instanceof LocalDate d) {
        o.add(name, d.toString());
      } else if (value instanceof Integer n) {
        o.add(name, n);
      } else if (value instanceof Long n) {
        o.add(name, n);
      } else if (value instanceof BigDecimal n) {
        o.add(name, n);
      } else if (value instanceof Boolean b) {
        o.add(name, b);
      } else {
        throw new IllegalArgumentException("Unsupported JSON value: " + value);
      }
    }
    return o.build().toString();
  }
}
