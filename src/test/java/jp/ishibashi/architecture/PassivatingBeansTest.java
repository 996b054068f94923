package jp.ishibashi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every session-, view-, conversation- and flow-scoped bean can move to another node: web.xml is
 * {@code <distributable/>}, and in a cluster Payara copies each session, with the Faces views and
 * their beans in it, into Hazelcast. So each such bean is {@link Serializable}, and each of its
 * fields (and the fields of its nested and anonymous classes) is static, transient, injected
 * (Weld hands out serializable proxies), or of a serializable type, down to the elements of
 * collections. Entities are not serializable: a bean keeps them in transient fields and loads
 * them again when it finds them gone.
 */
class PassivatingBeansTest {

  private static final Path CLASSES = Path.of("target/classes");
  private static final List<String> PASSIVATING =
      List.of(
          "jakarta.enterprise.context.SessionScoped",
          "jakarta.enterprise.context.ConversationScoped",
          "jakarta.faces.view.ViewScoped",
          "jakarta.faces.flow.FlowScoped");

  @Test
  void passivatingBeansAreSerializable() throws IOException {
    List<Class<?>> beans = passivatingBeans();
    assertThat(beans).extracting(Class::getSimpleName).contains("AgencySelection", "WorkOrderPage");
    List<String> faults = new ArrayList<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        faults.add(bean.getName() + " is not Serializable");
      }
      for (Class<?> c : withNestedClasses(bean)) {
        for (Field f : c.getDeclaredFields()) {
          int m = f.getModifiers();
          if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(Inject.class)
              || f.isSynthetic()) {
            continue;
          }
          if (!serializable(f.getGenericType())) {
            faults.add(c.getName() + "." + f.getName() + ": " + f.getGenericType().getTypeName());
          }
        }
      }
    }
    assertThat(faults).as("fields that cannot be serialized").isEmpty();
  }

  /** Whether a value of this declared type serializes, elements of collections included. */
  static boolean serializable(Type type) {
    if (type instanceof Class<?> c) {
      return c.isPrimitive() || Serializable.class.isAssignableFrom(c);
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      boolean container =
          Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw);
      if (!container && !Serializable.class.isAssignableFrom(raw)) {
        return false;
      }
      if (raw == Optional.class) {
        return false;
      }
      for (Type argument : p.getActualTypeArguments()) {
        if (!serializable(argument)) {
          return false;
        }
      }
      return true;
    }
    if (type instanceof WildcardType w) {
      return Stream.of(w.getUpperBounds()).allMatch(PassivatingBeansTest::serializable);
    }
    return false; // type variables, arrays of unknown elements: say what they are instead
  }

  private static List<Class<?>> withNestedClasses(Class<?> bean) throws IOException {
    List<Class<?>> all = new ArrayList<>();
    all.add(bean);
    String prefix = bean.getName() + "$";
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = className(f);
        if (name.startsWith(prefix)) {
          Class<?> nested = load(name);
          // Records are values: their components are checked where they are used as fields.
          if (!nested.isRecord() && !nested.isEnum() && !nested.isInterface()) {
            all.add(nested);
          }
        }
      }
    }
    return all;
  }

  private static List<Class<?>> passivatingBeans() throws IOException {
    List<Class<?>> beans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = className(f);
        if (name.contains("$")) {
          continue;
        }
        Class<?> c = load(name);
        for (Annotation a : c.getAnnotations()) {
          if (PASSIVATING.contains(a.annotationType().getName())) {
            beans.add(c);
          }
        }
      }
    }
    return beans;
  }

  private static String className(Path file) {
    String relative = CLASSES.relativize(file).toString();
    return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PassivatingBeansTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(name, e);
    }
  }
}
