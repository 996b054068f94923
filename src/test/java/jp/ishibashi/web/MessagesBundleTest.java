package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesBundleTest.class.getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void japaneseAndEnglishHaveTheSameKeys() throws IOException {
    Properties english = load("messages.properties");
    Properties japanese = load("messages_ja.properties");

    assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
  }

  @Test
  void japaneseTextsAreJapanese() throws IOException {
    Properties japanese = load("messages_ja.properties");
    assertThat(japanese.getProperty("signIn.title")).isEqualTo("ログイン");
  }

  @Test
  void everyMessageKeyUsedInCodeHasAText() throws IOException {
    Properties english = load("messages.properties");
    // Keys passed to a DomainException, Pages.info or a super constructor, and any literal error
    // key wherever it is written (DomainException.at(field, "error.…") included).
    Pattern used =
        Pattern.compile(
            "(?:DomainException|Pages\\.info|super)\\(\\s*\"([a-zA-Z.]+)\""
                + "|\"(error(?:\\.[a-zA-Z]+)+)\"");
    List<String> keys;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      keys =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(MessagesBundleTest::read)
              .flatMap(
                  text ->
                      used.matcher(text)
                          .results()
                          .map(m -> m.group(1) != null ? m.group(1) : m.group(2)))
              .distinct()
              .toList();
    }
    assertThat(keys).hasSizeGreaterThan(20);
    assertThat(keys).allSatisfy(key -> assertThat(english).as(key).containsKey(key));
  }

  private static Stream<String> read(Path file) {
    try {
      return Stream.of(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
