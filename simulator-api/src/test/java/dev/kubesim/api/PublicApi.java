package dev.kubesim.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of compiled classes as text, one line per public type and per public or
 * protected member, sorted: {@code TYPE  DECLARATION}, where a type's own line gives its kind,
 * modifiers and supertypes and a member's line its signature as {@link Method#toGenericString()}
 * writes it (without the declaring class).
 */
final class PublicApi {
  private PublicApi() {}

  /** The API of every class below a class folder. */
  static List<String> of(Path classes) {
    List<String> lines = new ArrayList<>();
    for (Class<?> type : types(classes)) {
      if (!exported(type)) {
        continue;
      }
      String name = type.getCanonicalName();
      lines.add(name + "  " + declaration(type));
      for (Field f : type.getDeclaredFields()) {
        if (visible(f)) {
          lines.add(name + "  " + strip(f.toGenericString(), type, f.getName()));
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c)) {
          lines.add(name + "  " + c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m) && !m.isBridge()) {
          lines.add(name + "  " + strip(m.toGenericString(), type, m.getName()) + defaultValue(m));
        }
      }
    }
    return lines.stream().sorted().distinct().toList();
  }

  private static List<Class<?>> types(Path classes) {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String binary = classes.relativize(file).toString().replace(".class", "").replace(file.getFileSystem().getSeparator(), ".");
        if (binary.endsWith("package-info") || binary.endsWith("module-info")) {
          continue;
        }
        out.add(Class.forName(binary, false, PublicApi.class.getClassLoader()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Public, and every enclosing type public too; anonymous and local classes are not API. */
  private static boolean exported(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Member m) {
    int mod = m.getModifiers();
    boolean protectedInOpenClass = Modifier.isProtected(mod) && !Modifier.isFinal(m.getDeclaringClass().getModifiers());
    return !m.isSynthetic() && (Modifier.isPublic(mod) || protectedInOpenClass);
  }

  private static String declaration(Class<?> type) {
    StringBuilder out = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      out.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      out.append(type.isInterface() ? " extends " : " implements ").append(
          Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  /** A member's generic string without its declaring class before its name. */
  private static String strip(String generic, Class<?> type, String member) {
    return generic.replace(" " + type.getTypeName() + "." + member, " " + member);
  }

  /** An annotation element's default as Java writes it: {@code 1}, {@code "iptables"}, {@code {"coredns"}}. */
  private static String defaultValue(Method m) {
    Object value = m.getDefaultValue();
    return value == null ? "" : " default " + literal(value);
  }

  private static String literal(Object value) {
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    if (value.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        items.add(literal(java.lang.reflect.Array.get(value, i)));
      }
      return "{" + String.join(", ", items) + "}";
    }
    return value.toString();
  }
}
