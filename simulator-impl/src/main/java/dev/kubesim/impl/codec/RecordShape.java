package dev.kubesim.impl.codec;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the codec's direct path knows of one API record: its components' JSON names, declared
 * types, accessors and canonical constructor, read once per class. A record whose components carry
 * Jackson annotations other than an inclusion rule is not {@link #plain() plain}: only Jackson
 * knows what those mean, so the direct path leaves such a record to it.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return new RecordShape(type);
    }
  };

  final String[] names;
  final Type[] types;
  final Class<?>[] rawTypes;
  final Method[] accessors;
  /** Components written even when absent ({@code @JsonInclude(ALWAYS)}: {@code "lastProbeTime": null}). */
  final boolean[] alwaysWritten;
  final Constructor<?> constructor;
  private final Map<String, Integer> indexes;
  private final boolean plain;

  private RecordShape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    int n = components.length;
    names = new String[n];
    types = new Type[n];
    rawTypes = new Class<?>[n];
    accessors = new Method[n];
    alwaysWritten = new boolean[n];
    indexes = new HashMap<>(n * 2);
    boolean annotated = false;
    for (int i = 0; i < n; i++) {
      RecordComponent c = components[i];
      names[i] = c.getName();
      types[i] = c.getGenericType();
      rawTypes[i] = c.getType();
      accessors[i] = c.getAccessor();
      indexes.put(c.getName(), i);
      for (Annotation a : annotations(type, c)) {
        if (a instanceof com.fasterxml.jackson.annotation.JsonInclude include
            && include.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) {
          alwaysWritten[i] = true;
        } else if (a.annotationType().getPackageName().startsWith("com.fasterxml.jackson")) {
          annotated = true;
        }
      }
    }
    Constructor<?> canonical;
    try {
      canonical = type.getDeclaredConstructor(rawTypes);
    } catch (NoSuchMethodException e) {
      canonical = null;
    }
    constructor = canonical;
    plain = !annotated && canonical != null && java.lang.reflect.Modifier.isPublic(type.getModifiers())
        && java.lang.reflect.Modifier.isPublic(canonical.getModifiers());
  }

  /** A component's annotations: Jackson's reach the field, accessor and parameter, not the component itself. */
  private static List<Annotation> annotations(Class<?> type, RecordComponent c) {
    List<Annotation> all = new ArrayList<>(List.of(c.getAnnotations()));
    all.addAll(List.of(c.getAccessor().getAnnotations()));
    try {
      all.addAll(List.of(type.getDeclaredField(c.getName()).getAnnotations()));
    } catch (NoSuchFieldException e) {
      // every component has its field
    }
    return all;
  }

  /** The shape of a record class. */
  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** Whether the direct path may read and write this record (no Jackson annotation changes its JSON). */
  boolean plain() {
    return plain;
  }

  /** The position of the component with this JSON name, or -1 when the record has none. */
  int indexOf(String name) {
    Integer i = indexes.get(name);
    return i == null ? -1 : i;
  }
}
