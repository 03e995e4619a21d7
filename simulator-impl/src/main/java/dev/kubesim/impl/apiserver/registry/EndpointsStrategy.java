package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Endpoints ({@code pkg/registry/core/endpoint}): port protocols default to TCP; {@code
 * ValidateEndpoints} checks every address (a real, non-special IP) and port. Endpoints have no
 * spec and no generation.
 */
public final class EndpointsStrategy extends Strategy<Endpoints> {
  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  /** The Endpoints rules. */
  public EndpointsStrategy() {
    super(Endpoints.class);
  }

  /** {@code SetDefaults_Endpoints}. */
  @Override
  public Endpoints defaults(Endpoints ep) {
    List<EndpointSubset> subsets = new ArrayList<>();
    for (EndpointSubset s : ep.subsets()) {
      List<EndpointPort> ports = s.ports().stream()
          .map(p -> p.protocol().filter(v -> !v.isEmpty()).isPresent()
              ? p
              : new EndpointPort(p.name(), p.port(), Optional.of("TCP"), p.appProtocol()))
          .toList();
      subsets.add(new EndpointSubset(s.addresses(), s.notReadyAddresses(), ports));
    }
    return ep.withSubsets(subsets);
  }

  @Override
  public List<FieldError> validate(Endpoints ep) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath path = FieldPath.root("subsets");
    for (int i = 0; i < ep.subsets().size(); i++) {
      EndpointSubset ss = ep.subsets().get(i);
      FieldPath idx = path.index(i);
      if (ss.addresses().isEmpty() && ss.notReadyAddresses().isEmpty()) {
        errs.add(FieldError.required(idx, "must specify `addresses` or `notReadyAddresses`"));
      }
      for (int a = 0; a < ss.addresses().size(); a++) {
        errs.addAll(validateAddress(ss.addresses().get(a), idx.child("addresses").index(a)));
      }
      for (int a = 0; a < ss.notReadyAddresses().size(); a++) {
        errs.addAll(validateAddress(ss.notReadyAddresses().get(a), idx.child("notReadyAddresses").index(a)));
      }
      for (int p = 0; p < ss.ports().size(); p++) {
        errs.addAll(validatePort(ss.ports().get(p), ss.ports().size() > 1, idx.child("ports").index(p)));
      }
    }
    return errs;
  }

  private static List<FieldError> validateAddress(EndpointAddress a, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String ip = a.ip().orElse("");
    errs.addAll(FieldError.invalidEach(path.child("ip"), ip, IpSyntax.isValidIP(ip)));
    String hostname = a.hostname().orElse("");
    if (!hostname.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("hostname"), hostname, DnsNames.isDNS1123Label(hostname)));
    }
    a.nodeName().ifPresent(n -> errs.addAll(FieldError.invalidEach(path.child("nodeName"), n, DnsNames.isDNS1123Subdomain(n))));
    errs.addAll(IpRules.validateEndpointIp(ip, path.child("ip")));
    return errs;
  }

  private static List<FieldError> validatePort(EndpointPort p, boolean requireName, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String name = p.name().orElse("");
    if (requireName && name.isEmpty()) {
      errs.add(FieldError.required(path.child("name"), ""));
    } else if (!name.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("name"), name, DnsNames.isDNS1123Label(name)));
    }
    int port = p.port().orElse(0);
    errs.addAll(FieldError.invalidEach(path.child("port"), port, PortSyntax.isValidPortNum(port)));
    String protocol = p.protocol().orElse("");
    if (protocol.isEmpty()) {
      errs.add(FieldError.required(path.child("protocol"), ""));
    } else if (!PROTOCOLS.contains(protocol)) {
      errs.add(FieldError.notSupported(path.child("protocol"), protocol, PROTOCOLS));
    }
    p.appProtocol().ifPresent(ap -> errs.addAll(FieldError.invalidEach(path.child("appProtocol"), ap, LabelNames.isQualifiedName(ap))));
    return errs;
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
