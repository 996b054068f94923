package jp.ishibashi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The business components (the packages under {@code jp.ishibashi}, each with its own
 * subpackages such as {@code change.pricing}) depend on each other without cycles, as
 * docs/architecture.md draws them. The interfaces — {@code web} and every {@code .web} and
 * {@code .rest} subpackage — sit on top and may use any component; no component uses them.
 */
class PackageCyclesTest {

  private static final Path SOURCES = Path.of("src/main/java/jp/ishibashi");
  private static final Pattern REFERENCE =
      Pattern.compile("jp\\.ishibashi\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

  @Test
  void businessComponentsHaveNoCycles() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertThat(uses).containsKeys("workorder", "agreement", "change", "delivery", "settlement");
    List<String> cycles = new ArrayList<>();
    for (String from : uses.keySet()) {
      for (String to : uses.get(from)) {
        if (reaches(uses, to, from, new TreeSet<>())) {
          cycles.add(from + " -> " + to + " -> … -> " + from);
        }
      }
    }
    assertThat(cycles).as("package cycles").isEmpty();
  }

  @Test
  void noComponentUsesTheInterfaces() throws IOException {
    List<String> upward = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> component(packageOf(f)) != null)
          .forEach(
              f -> {
                Matcher m = REFERENCE.matcher(read(f));
                while (m.find()) {
                  if (component(m.group(1)) == null) {
                    upward.add(SOURCES.relativize(f) + " uses " + m.group(1));
                  }
                }
              });
    }
    assertThat(upward).isEmpty();
  }

  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String from = component(packageOf(f));
                if (from == null) {
                  return;
                }
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(f));
                while (m.find()) {
                  String to = component(m.group(1));
                  if (to != null && !to.equals(from)) {
                    targets.add(to);
                  }
                }
              });
    }
    return uses;
  }

  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    return uses.getOrDefault(from, Set.of()).stream()
        .anyMatch(next -> reaches(uses, next, target, seen));
  }

  /** The package of a source file, below jp.ishibashi ("change.pricing"). */
  private static String packageOf(Path file) {
    return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
  }

  /** The business component a package belongs to; null for the interfaces. */
  private static String component(String pkg) {
    String[] parts = pkg.split("\\.");
    String last = parts[parts.length - 1];
    if (parts[0].equals("web") || last.equals("web") || last.equals("rest")) {
      return null;
    }
    return parts[0];
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
