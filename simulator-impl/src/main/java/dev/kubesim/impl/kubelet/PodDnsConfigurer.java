package dev.kubesim.impl.kubelet;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodDNSConfig;
import dev.kubesim.api.model.PodDNSConfigOption;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.resolver.ResolvConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kubelet's DNS configurer ({@code pkg/kubelet/network/dns Configurer.GetPodDNS}): the resolv.conf
 * of a pod from its {@code dnsPolicy} and {@code dnsConfig}, the node's own file and the cluster DNS.
 *
 * <ul>
 *   <li>ClusterFirst (and ClusterFirstWithHostNet): the cluster DNS as the only nameserver, {@code
 *       <ns>.svc.<domain> svc.<domain> <domain>} then the node's search entries, {@code ndots:5}
 *       alone. A ClusterFirst pod on the host network falls back to Default.
 *   <li>Default: the node's file (search entries without their trailing dot).
 *   <li>None: nothing but {@code dnsConfig}.
 *   <li>{@code dnsConfig} is appended (duplicates dropped, options merged by name, dnsConfig
 *       winning), then the result is cut to 3 nameservers and 32 search entries of at most 253
 *       characters and 2048 characters in all, with a {@code DNSConfigForming} warning.
 * </ul>
 *
 * Merged options come from a Go map, so their real order is random; here the existing ones keep
 * their order and new names follow in dnsConfig's order.
 */
public final class PodDnsConfigurer {
  /** {@code validation.MaxDNSNameservers}. */
  public static final int MAX_NAMESERVERS = 3;
  /** {@code MaxDNSSearchPathsExpanded} (ExpandedDNSConfig is GA). */
  public static final int MAX_SEARCH_PATHS = 32;
  /** {@code MaxDNSSearchListCharsExpanded}. */
  public static final int MAX_SEARCH_LIST_CHARS = 2048;
  /** {@code DNS1123SubdomainMaxLength}: longer search entries would make glibc 2.28 abort. */
  private static final int MAX_SEARCH_LENGTH = 253;
  private static final List<String> DEFAULT_OPTIONS = List.of("ndots:5");

  private final List<String> clusterDns;
  private final String clusterDomain;
  private final ResolvConf host;
  private final ResolvConf hostAsWritten;

  /**
   * @param clusterDns the cluster DNS addresses ({@code --cluster-dns}); empty when there is none
   * @param clusterDomain {@code --cluster-domain}; empty for none
   * @param hostFile the node's {@code /etc/resolv.conf} ({@code --resolv-conf})
   */
  public PodDnsConfigurer(List<String> clusterDns, String clusterDomain, HostResolvConf hostFile) {
    this.clusterDns = ImmutableList.copyOf(clusterDns);
    this.clusterDomain = clusterDomain;
    List<String> searches = hostFile.searches().stream().map(ResolvConf::stripTrailingDot).toList();
    this.host = new ResolvConf(hostFile.nameservers(), searches, hostFile.options());
    this.hostAsWritten = new ResolvConf(hostFile.nameservers(), hostFile.searches(), hostFile.options());
  }

  /** The node's file as the kubelet parsed it (search entries without their trailing dot). */
  public ResolvConf hostFile() {
    return host;
  }

  /** The node's file as it is on the node. */
  public ResolvConf hostFileAsWritten() {
    return hostAsWritten;
  }

  /**
   * {@code GetPodDNS}.
   *
   * @param warnings hears each {@code DNSConfigForming} warning (the kubelet records it as an event
   *     on the pod)
   */
  public ResolvConf podDns(Pod pod, Consumer<String> warnings) {
    PodSpec spec = pod.spec().orElseThrow();
    List<String> servers = new ArrayList<>(host.nameservers());
    List<String> searches = new ArrayList<>(host.searches());
    List<String> options = new ArrayList<>(host.options());
    switch (dnsType(spec)) {
      case NONE -> {
        servers.clear();
        searches.clear();
        options.clear();
      }
      case CLUSTER -> {
        // Without a cluster DNS the real kubelet warns (MissingClusterDNS) and uses Default.
        if (!clusterDns.isEmpty()) {
          servers = new ArrayList<>(clusterDns);
          searches = clusterSearches(pod.metadata().namespace().orElse("default"), searches);
          options = new ArrayList<>(DEFAULT_OPTIONS);
        } else {
          warnings.accept("pod: \"" + pod.metadata().nameOrEmpty() + "_" + pod.metadata().namespace().orElse("")
              + "\". kubelet does not have ClusterDNS IP configured and cannot create Pod using \"ClusterFirst\" policy. "
              + "Falling back to \"Default\" policy.");
        }
      }
      case HOST -> { }
    }
    if (spec.dnsConfig().isPresent()) {
      PodDNSConfig c = spec.dnsConfig().get();
      servers = omitDuplicates(servers, c.nameservers());
      searches = omitDuplicates(searches, c.searches());
      options = mergeOptions(options, c.options());
    }
    return new ResolvConf(nameserversFitLimits(servers, warnings), searchFitsLimits(searches, warnings), options);
  }

  private enum DnsType { CLUSTER, HOST, NONE }

  /** {@code getPodDNSType}; an unknown policy (the API server rejects it) counts as ClusterFirst. */
  private static DnsType dnsType(PodSpec spec) {
    String policy = spec.dnsPolicy().orElse("ClusterFirst");
    boolean hostNetwork = spec.hostNetwork().orElse(false);
    return switch (policy) {
      case "None" -> DnsType.NONE;
      case "ClusterFirstWithHostNet" -> DnsType.CLUSTER;
      case "ClusterFirst" -> hostNetwork ? DnsType.HOST : DnsType.CLUSTER;
      case "Default" -> DnsType.HOST;
      default -> DnsType.CLUSTER;
    };
  }

  /** {@code generateSearchesForDNSClusterFirst}. */
  private List<String> clusterSearches(String namespace, List<String> hostSearch) {
    if (clusterDomain.isEmpty()) {
      return hostSearch;
    }
    List<String> cluster = List.of(namespace + ".svc." + clusterDomain, "svc." + clusterDomain, clusterDomain);
    return omitDuplicates(cluster, hostSearch);
  }

  private static List<String> omitDuplicates(List<String> first, List<String> then) {
    LinkedHashSet<String> all = new LinkedHashSet<>(first);
    all.addAll(then);
    return new ArrayList<>(all);
  }

  /** {@code mergeDNSOptions}: by name, dnsConfig's value winning; {@code name:value} or a bare name. */
  private static List<String> mergeOptions(List<String> existing, List<PodDNSConfigOption> fromPod) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String op : existing) {
      int colon = op.indexOf(':');
      if (colon >= 0) {
        byName.put(op.substring(0, colon), op.substring(colon + 1));
      } else {
        byName.put(op, "");
      }
    }
    for (PodDNSConfigOption op : fromPod) {
      byName.put(op.name().orElse(""), op.value().orElse(""));
    }
    List<String> out = new ArrayList<>();
    byName.forEach((name, value) -> out.add(value.isEmpty() ? name : name + ":" + value));
    return out;
  }

  /** {@code formDNSNameserversFitsLimits}. */
  private static List<String> nameserversFitLimits(List<String> servers, Consumer<String> warnings) {
    if (servers.size() <= MAX_NAMESERVERS) {
      return servers;
    }
    List<String> cut = servers.subList(0, MAX_NAMESERVERS);
    warnings.accept("Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: "
        + String.join(" ", cut));
    return cut;
  }

  /** {@code formDNSSearchFitsLimits}: count, then entry length, then the line's length from the end. */
  private static List<String> searchFitsLimits(List<String> searches, Consumer<String> warnings) {
    boolean exceeded = false;
    List<String> s = new ArrayList<>(searches);
    if (s.size() > MAX_SEARCH_PATHS) {
      s = new ArrayList<>(s.subList(0, MAX_SEARCH_PATHS));
      exceeded = true;
    }
    if (s.removeIf(x -> x.length() > MAX_SEARCH_LENGTH)) {
      exceeded = true;
    }
    int lineLength = String.join(" ", s).length();
    if (lineLength > MAX_SEARCH_LIST_CHARS) {
      int cutLength = 0;
      int cutCount = 0;
      for (int i = s.size() - 1; i >= 0; i--) {
        cutLength += s.get(i).length() + 1;
        cutCount++;
        if (lineLength - cutLength <= MAX_SEARCH_LIST_CHARS) {
          break;
        }
      }
      s = new ArrayList<>(s.subList(0, s.size() - cutCount));
      exceeded = true;
    }
    if (exceeded) {
      warnings.accept("Search Line limits were exceeded, some search paths have been omitted, the applied search line is: "
          + String.join(" ", s));
    }
    return s;
  }

  /**
   * {@code CheckLimitsForResolvConf}: what is wrong with the node's own file, as the kubelet reports
   * it on the node ({@code CheckLimitsForResolvConf} warnings); empty when nothing is.
   *
   * @param path the file's path, for the messages
   */
  public List<String> hostFileWarnings(String path) {
    int domainLimit = MAX_SEARCH_PATHS - (clusterDomain.isEmpty() ? 0 : 3);
    if (host.searches().size() > domainLimit) {
      return List.of("Resolv.conf file '" + path + "' contains search line consisting of more than " + domainLimit + " domains!");
    }
    for (String s : host.searches()) {
      if (s.length() > MAX_SEARCH_LENGTH) {
        return List.of("Resolv.conf file \"" + path + "\" contains a search path which length is more than allowed "
            + MAX_SEARCH_LENGTH + " chars!");
      }
    }
    if (String.join(" ", host.searches()).length() > MAX_SEARCH_LIST_CHARS) {
      return List.of("Resolv.conf file '" + path + "' contains search line which length is more than allowed "
          + MAX_SEARCH_LIST_CHARS + " chars!");
    }
    return List.of();
  }
}
