package dev.kubesim.impl.apiserver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.KubeObject;

/**
 * What a create or update answers: the object as stored (or as it would be, on a dry run) and the
 * API server's warnings for it ({@code WarningsOnCreate}/{@code WarningsOnUpdate}), which the real
 * one sends as {@code Warning} headers and kubectl prints as {@code Warning: ...} lines.
 *
 * @param <T> the kind's record type
 */
public record Written<T extends KubeObject>(T object, ImmutableList<String> warnings) {
  /** An answer with a copy of these warnings. */
  public Written(T object, java.util.List<String> warnings) {
    this(object, ImmutableList.copyOf(warnings));
  }
}
