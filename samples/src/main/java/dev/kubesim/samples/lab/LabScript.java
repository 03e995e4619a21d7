package dev.kubesim.samples.lab;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A lab: kubectl command lines (the leading {@code kubectl} optional), {@code advance 30s} to let
 * time pass, and {@code #} comments that narrate, one a line.
 */
public record LabScript(String name, List<String> lines) {
  public LabScript {
    lines = ImmutableList.copyOf(lines);
  }

  /**
   * Splits a script text into lines, dropping blank ones; a line keeps its indentation, which a
   * here-document's body (a manifest after {@code cat <<EOF}) needs.
   */
  public static LabScript parse(String name, String text) {
    return new LabScript(name, text.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList());
  }
}
