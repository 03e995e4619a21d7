package dev.kubesim.samples.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the page shows beside the terminal, at one moment of a session.
 *
 * @param prompt the terminal's prompt ({@code kubesim$ }, or a container shell's while one is attached)
 * @param now the cluster's virtual time since it started
 * @param clusterHtml the nodes with their pods and the Services with their endpoints, as HTML
 * @param mapSvg the cluster's map ({@code cluster.map().toSvg()}), the last request's way highlighted
 * @param trace the last traced request, hop by hop
 * @param lab the built-in lab under way, if one is
 */
public record SessionState(String prompt, Duration now, String clusterHtml, String mapSvg, Optional<TraceView> trace,
    Optional<LabProgress> lab) {
  public SessionState {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(clusterHtml, "clusterHtml");
    Objects.requireNonNull(mapSvg, "mapSvg");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(lab, "lab");
  }
}
