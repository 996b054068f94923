package jp.ishibashi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form post whose multipart body the portal has read ({@link MultipartForm}): its parameters are
 * the query string's and the form's fields, its parts the uploaded files. The container's own
 * multipart parser is never asked.
 */
final class MultipartRequest extends HttpServletRequestWrapper {

  private final Map<String, String[]> parameters;
  private final List<Part> parts;

  MultipartRequest(HttpServletRequest request, MultipartForm form) {
    super(request);
    Map<String, List<String>> merged = new LinkedHashMap<>(query(request.getQueryString()));
    form.fields().forEach((name, values) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    Map<String, String[]> all = new LinkedHashMap<>();
    merged.forEach((name, values) -> all.put(name, values.toArray(String[]::new)));
    this.parameters = Collections.unmodifiableMap(all);
    this.parts = form.files();
  }

  private static Map<String, List<String>> query(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException malformed) {
        // A malformed escape: the pair is ignored, as the container does.
      }
    }
    return parameters;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public Collection<Part> getParts() {
    return parts;
  }

  @Override
  public Part getPart(String name) {
    return parts.stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
  }
}
