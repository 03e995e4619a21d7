package dev.kubesim.samples.web;

import dev.kubesim.samples.lab.BuiltInLabs;
import java.util.LinkedHashMap;
import java.util.Map;

/** A session's state as the JSON the page reads, with keys in a fixed order and absent parts as {@code null}. */
final class StateJson {
  private StateJson() {}

  static Map<String, Object> of(SessionState state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prompt", state.prompt());
    m.put("nowMillis", state.now().toMillis());
    m.put("now", clock(state.now().toMillis()));
    m.put("clusterHtml", state.clusterHtml());
    m.put("mapSvg", state.mapSvg());
    m.put("trace", state.trace().map(StateJson::trace).orElse(null));
    m.put("lab", state.lab().map(StateJson::lab).orElse(null));
    m.put("labs", BuiltInLabs.names());
    return m;
  }

  /** The virtual clock as {@code T+1h02m03.456s}, hours shown only once there are some. */
  static String clock(long millis) {
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    long s = millis / 1000 % 60;
    long ms = millis % 1000;
    return h > 0 ? String.format(java.util.Locale.ROOT, "T+%dh%02dm%02d.%03ds", h, m, s, ms) : String.format(java.util.Locale.ROOT, "T+%dm%02d.%03ds", m, s, ms);
  }

  private static Map<String, Object> trace(TraceView t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", t.title());
    m.put("text", t.text());
    m.put("hops", t.hops());
    m.put("svg", t.svg());
    return m;
  }

  private static Map<String, Object> lab(LabProgress p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("step", p.step());
    m.put("total", p.total());
    m.put("finished", p.finished());
    m.put("explanation", p.explanation());
    m.put("command", p.command().orElse(null));
    return m;
  }
}
