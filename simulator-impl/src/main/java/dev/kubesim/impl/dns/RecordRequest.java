package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsNames;
import java.util.List;
import java.util.Optional;

/**
 * A name in the cluster zone taken apart as CoreDNS's {@code parseRequest} does, from the right:
 * {@code svc|pod}, namespace, service, then either one endpoint label or {@code _port._protocol}
 * (underscores stripped). Parts not present are empty; the zone apex, {@code svc.<zone>} and
 * {@code pod.<zone>} leave everything empty (NODATA).
 *
 * @param podOrSvc {@code svc}, {@code pod} or empty
 */
record RecordRequest(String port, String protocol, String endpoint, String service, String namespace, String podOrSvc) {
  static final String SVC = "svc";
  static final String POD = "pod";

  private static final RecordRequest EMPTY = new RecordRequest("", "", "", "", "", "");

  /**
   * Parses a lower-case name inside {@code zone}; empty when the name cannot be a cluster name
   * (another label than svc/pod below the zone, or too many labels): CoreDNS's
   * {@code errInvalidRequest}, a name error.
   */
  static Optional<RecordRequest> parse(String lowerName, String lowerZone) {
    String base = DnsNames.trimZone(lowerName, lowerZone);
    if (base.isEmpty() || base.equals(SVC) || base.equals(POD)) {
      return Optional.of(EMPTY);
    }
    List<String> segs = DnsNames.labels(base);
    int last = segs.size() - 1;
    String podOrSvc = segs.get(last);
    if (!podOrSvc.equals(POD) && !podOrSvc.equals(SVC)) {
      return Optional.empty();
    }
    String namespace = last >= 1 ? segs.get(last - 1) : "";
    String service = last >= 2 ? segs.get(last - 2) : "";
    int before = Math.max(0, last - 2);
    if (before == 0) {
      return Optional.of(new RecordRequest("", "", "", service, namespace, podOrSvc));
    }
    if (before == 1) {
      return Optional.of(new RecordRequest("", "", segs.get(0), service, namespace, podOrSvc));
    }
    if (before == 2) {
      return Optional.of(new RecordRequest(stripUnderscore(segs.get(0)), stripUnderscore(segs.get(1)), "", service,
          namespace, podOrSvc));
    }
    return Optional.empty();
  }

  private static String stripUnderscore(String s) {
    return s.startsWith("_") ? s.substring(1) : s;
  }
}
