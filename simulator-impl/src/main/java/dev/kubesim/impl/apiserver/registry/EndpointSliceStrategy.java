package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * EndpointSlices ({@code pkg/registry/discovery/endpointslice}, {@code discovery.k8s.io/v1}): ports
 * default to name {@code ""} and protocol TCP; {@code ValidateEndpointSlice} checks the address
 * type, endpoints and ports; the address type cannot change.
 */
public final class EndpointSliceStrategy extends Strategy<EndpointSlice> {
  private static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
  private static final int MAX_ENDPOINTS = 1000;
  private static final int MAX_ADDRESSES = 100;
  private static final int MAX_PORTS = 20000;
  private static final int MAX_TOPOLOGY_LABELS = 16;

  /** The EndpointSlice rules. */
  public EndpointSliceStrategy() {
    super(EndpointSlice.class);
  }

  /** {@code SetDefaults_EndpointPort}. */
  @Override
  public EndpointSlice defaults(EndpointSlice slice) {
    List<EndpointSlicePort> ports = slice.ports().stream()
        .map(p -> new EndpointSlicePort(
            Optional.of(p.name().orElse("")), Optional.of(p.protocol().orElse("TCP")), p.port(), p.appProtocol()))
        .toList();
    return new EndpointSlice(slice.apiVersion(), slice.kind(), slice.metadata(), slice.addressType(), slice.endpoints(), ports);
  }

  @Override
  public List<FieldError> validate(EndpointSlice slice) {
    List<FieldError> errs = new ArrayList<>();
    String addressType = slice.addressType().orElse("");
    FieldPath typePath = FieldPath.root("addressType");
    if (addressType.isEmpty()) {
      errs.add(FieldError.required(typePath, ""));
    } else if (!ADDRESS_TYPES.contains(addressType)) {
      errs.add(FieldError.notSupported(typePath, addressType, ADDRESS_TYPES));
    }
    errs.addAll(validateEndpoints(slice.endpoints(), addressType, FieldPath.root("endpoints")));
    errs.addAll(validatePorts(slice.ports(), FieldPath.root("ports")));
    return errs;
  }

  private static List<FieldError> validateEndpoints(List<EndpointSliceEndpoint> endpoints, String addressType, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (endpoints.size() > MAX_ENDPOINTS) {
      errs.add(FieldError.tooMany(path, endpoints.size(), MAX_ENDPOINTS));
      return errs;
    }
    for (int i = 0; i < endpoints.size(); i++) {
      EndpointSliceEndpoint ep = endpoints.get(i);
      FieldPath idx = path.index(i);
      FieldPath addressPath = idx.child("addresses");
      if (ep.addresses().isEmpty()) {
        errs.add(FieldError.required(addressPath, "must contain at least 1 address"));
      } else if (ep.addresses().size() > MAX_ADDRESSES) {
        errs.add(FieldError.tooMany(addressPath, ep.addresses().size(), MAX_ADDRESSES));
      }
      for (int a = 0; a < ep.addresses().size(); a++) {
        String address = ep.addresses().get(a);
        FieldPath ap = addressPath.index(a);
        switch (addressType) {
          case "IPv4" -> {
            errs.addAll(FieldError.invalidEach(ap, address, IpSyntax.isValidIPv4Address(address)));
            errs.addAll(IpRules.validateEndpointIp(address, ap));
          }
          case "IPv6" -> {
            errs.addAll(FieldError.invalidEach(ap, address, IpSyntax.isValidIPv6Address(address)));
            errs.addAll(IpRules.validateEndpointIp(address, ap));
          }
          case "FQDN" -> errs.addAll(fullyQualifiedDomainName(address, ap));
          default -> {
            // Unknown address types are refused above; their addresses go unchecked.
          }
        }
      }
      ep.nodeName().ifPresent(n -> errs.addAll(FieldError.invalidEach(idx.child("nodeName"), n, DnsNames.isDNS1123Subdomain(n))));
      FieldPath topology = idx.child("deprecatedTopology");
      if (ep.deprecatedTopology().size() > MAX_TOPOLOGY_LABELS) {
        errs.add(FieldError.tooMany(topology, ep.deprecatedTopology().size(), MAX_TOPOLOGY_LABELS));
      }
      errs.addAll(MetadataValidation.validateLabels(ep.deprecatedTopology(), topology));
      ep.hostname().ifPresent(h -> errs.addAll(FieldError.invalidEach(idx.child("hostname"), h, DnsNames.isDNS1123Label(h))));
    }
    return errs;
  }

  /** {@code IsFullyQualifiedDomainName}: a subdomain of at least two labels, trailing dot allowed. */
  private static List<FieldError> fullyQualifiedDomainName(String name, FieldPath path) {
    if (name.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    List<String> msgs = DnsNames.isDNS1123Subdomain(n);
    if (!msgs.isEmpty()) {
      return List.of(FieldError.invalid(path, n, String.join(",", msgs)));
    }
    String[] labels = n.split("\\.", -1);
    if (labels.length < 2) {
      return List.of(FieldError.invalid(path, n, "should be a domain with at least two segments separated by dots"));
    }
    for (String label : labels) {
      List<String> lm = DnsNames.isDNS1123Label(label);
      if (!lm.isEmpty()) {
        return List.of(FieldError.invalid(path, label, String.join(",", lm)));
      }
    }
    return List.of();
  }

  private static List<FieldError> validatePorts(List<EndpointSlicePort> ports, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (ports.size() > MAX_PORTS) {
      errs.add(FieldError.tooMany(path, ports.size(), MAX_PORTS));
      return errs;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      EndpointSlicePort p = ports.get(i);
      FieldPath idx = path.index(i);
      String name = p.name().orElse("");
      if (!name.isEmpty()) {
        errs.addAll(FieldError.invalidEach(idx.child("name"), name, DnsNames.isDNS1123Label(name)));
      }
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(idx.child("name"), name));
      }
      if (p.protocol().isEmpty()) {
        errs.add(FieldError.required(idx.child("protocol"), ""));
      } else if (!EndpointsStrategy.PROTOCOLS.contains(p.protocol().get())) {
        errs.add(FieldError.notSupported(idx.child("protocol"), p.protocol().get(), EndpointsStrategy.PROTOCOLS));
      }
      p.appProtocol().ifPresent(ap -> errs.addAll(FieldError.invalidEach(idx.child("appProtocol"), ap, LabelNames.isQualifiedName(ap))));
    }
    return errs;
  }

  /** {@code ValidateEndpointSliceUpdate}: the address type is fixed. */
  @Override
  protected List<FieldError> validateImmutable(EndpointSlice slice, EndpointSlice old) {
    if (Objects.equals(slice.addressType(), old.addressType())) {
      return List.of();
    }
    return List.of(FieldError.invalid(FieldPath.root("addressType"), slice.addressType().orElse(""), Workloads.IMMUTABLE));
  }
}
