package dev.kubesim.impl.apiserver.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The field numbers, JSON names and types of the API's protobuf messages ({@code generated.proto}
 * of k8s.io/api and apimachinery), read from {@code proto-schema.txt}: one block per message,
 * {@code message core.v1.ConfigMap} then {@code NUMBER jsonName TYPE} lines, where TYPE is a scalar
 * ({@code string}, {@code bytes}, {@code bool}, {@code int32}, {@code int64}, {@code double}), {@code
 * message PKG.NAME}, a special type whose JSON is not its message ({@code time}, {@code quantity},
 * {@code intorstring}, {@code fieldsv1}), {@code repeated T} or {@code map string T}; a last word
 * {@code inline} marks a message whose fields JSON writes in the parent.
 */
final class ProtoSchema {
  /** What a field holds. */
  enum Type { STRING, BYTES, BOOL, INT32, INT64, DOUBLE, MESSAGE, TIME, QUANTITY, INTORSTRING, FIELDSV1 }

  /**
   * One field of a message.
   *
   * @param message the message type when {@code type} is {@link Type#MESSAGE}, else null
   * @param repeated a list
   * @param map a {@code map<string, T>}: repeated entries with key 1 and value 2 of this type
   * @param inline a message whose fields are the parent's own in JSON (Go's {@code json:",inline"})
   */
  record Field(int number, String jsonName, Type type, String message, boolean repeated, boolean map, boolean inline) {}

  private static final ProtoSchema INSTANCE = load();

  private final Map<String, Map<Integer, Field>> messages;

  private ProtoSchema(Map<String, Map<Integer, Field>> messages) {
    this.messages = messages;
  }

  static ProtoSchema get() {
    return INSTANCE;
  }

  /** A message's fields by number; empty for a message the schema does not hold. */
  Optional<Map<Integer, Field>> message(String name) {
    return Optional.ofNullable(messages.get(name));
  }

  private static ProtoSchema load() {
    Map<String, Map<Integer, Field>> messages = new HashMap<>();
    try (InputStream in = ProtoSchema.class.getResourceAsStream("proto-schema.txt")) {
      if (in == null) {
        throw new IllegalStateException("proto-schema.txt is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<Integer, Field> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] w = text.split("\\s+");
        if (w[0].equals("message")) {
          current = new HashMap<>();
          messages.put(w[1], current);
          continue;
        }
        if (current == null || w.length < 3) {
          throw new IllegalStateException("proto-schema.txt: a field outside a message: " + text);
        }
        current.put(Integer.parseInt(w[0]), field(Integer.parseInt(w[0]), w[1], w, 2, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProtoSchema(messages);
  }

  private static Field field(int number, String name, String[] w, int at, String line) {
    boolean repeated = false;
    boolean map = false;
    if (w[at].equals("repeated")) {
      repeated = true;
      at++;
    } else if (w[at].equals("map")) {
      if (!w[at + 1].equals("string")) {
        throw new IllegalStateException("proto-schema.txt: only string keys are read: " + line);
      }
      map = true;
      at += 2;
    }
    Type type = switch (w[at]) {
      case "string" -> Type.STRING;
      case "bytes" -> Type.BYTES;
      case "bool" -> Type.BOOL;
      case "int32", "uint32", "sint32" -> Type.INT32;
      case "int64", "uint64", "sint64" -> Type.INT64;
      case "double", "float" -> Type.DOUBLE;
      case "message" -> Type.MESSAGE;
      case "time" -> Type.TIME;
      case "quantity" -> Type.QUANTITY;
      case "intorstring" -> Type.INTORSTRING;
      case "fieldsv1" -> Type.FIELDSV1;
      default -> throw new IllegalStateException("proto-schema.txt: unknown type: " + line);
    };
    boolean inline = w[w.length - 1].equals("inline");
    return new Field(number, name, type, type == Type.MESSAGE ? w[at + 1] : null, repeated, map, inline);
  }
}
