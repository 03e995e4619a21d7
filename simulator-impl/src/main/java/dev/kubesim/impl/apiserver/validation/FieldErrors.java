package dev.kubesim.impl.apiserver.validation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small mutable accumulator of {@link FieldError}s, playing the part of apimachinery's {@code
 * field.ErrorList} inside one validation pass. Not thread-safe; keep one per request.
 */
public final class FieldErrors implements Iterable<FieldError> {
  private final List<FieldError> errors = new ArrayList<>();

  /** Adds one error. */
  public FieldErrors add(FieldError error) {
    errors.add(requireNonNull(error, "error"));
    return this;
  }

  /** Adds all of {@code more}, in order. */
  public FieldErrors addAll(Collection<FieldError> more) {
    for (FieldError e : more) {
      add(e);
    }
    return this;
  }

  /** Adds all errors collected in {@code more}, in order. */
  public FieldErrors addAll(FieldErrors more) {
    return addAll(more.errors);
  }

  /** Adds one {@code Invalid value} error per message (see {@link FieldError#invalidEach}). */
  public FieldErrors addInvalid(FieldPath path, Object value, List<String> messages) {
    return addAll(FieldError.invalidEach(path, value, messages));
  }

  /** True when nothing has been reported. */
  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** How many errors have been reported, duplicates included. */
  public int size() {
    return errors.size();
  }

  /** An immutable snapshot of the errors, in the order reported. */
  public List<FieldError> list() {
    return ImmutableList.copyOf(errors);
  }

  /**
   * The errors as one string, as {@code ErrorList.ToAggregate().Error()} prints it: identical
   * messages once each; a single message bare, several as {@code [msg1, msg2]}; empty when there
   * are none. This is what follows {@code is invalid: } in an API server's Invalid status.
   */
  public String aggregateMessage() {
    Set<String> unique = new LinkedHashSet<>();
    for (FieldError e : errors) {
      unique.add(e.message());
    }
    if (unique.isEmpty()) {
      return "";
    }
    if (unique.size() == 1) {
      return unique.iterator().next();
    }
    return "[" + String.join(", ", unique) + "]";
  }

  @Override
  public Iterator<FieldError> iterator() {
    return list().iterator();
  }

  @Override
  public String toString() {
    return aggregateMessage();
  }
}
