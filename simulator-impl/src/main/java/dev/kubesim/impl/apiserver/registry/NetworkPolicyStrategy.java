package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.IPBlock;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.NetworkPolicyEgressRule;
import dev.kubesim.api.model.NetworkPolicyIngressRule;
import dev.kubesim.api.model.NetworkPolicyPeer;
import dev.kubesim.api.model.NetworkPolicyPort;
import dev.kubesim.api.model.NetworkPolicySpec;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.GoFormat;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NetworkPolicies ({@code pkg/registry/networking/networkpolicy}, {@code networking.k8s.io/v1}):
 * {@code SetDefaults_NetworkPolicy} and {@code SetDefaults_NetworkPolicyPort}, {@code
 * ValidateNetworkPolicy} on create, and on update {@code ValidateNetworkPolicy} followed by {@code
 * ValidateNetworkPolicyUpdate} (the spec rules a second time, accepting the old object's CIDRs),
 * both with {@code ValidationOptionsForNetworking}. The kind has no status; the generation moves on
 * with the spec.
 */
public final class NetworkPolicyStrategy extends Strategy<NetworkPolicy> {
  /** The protocols a policy port may name, in the order the error lists them. */
  static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");

  /** The policy types, in the order the error lists them. */
  static final List<String> POLICY_TYPES =
      List.of(NetworkPolicySpec.POLICY_TYPE_INGRESS, NetworkPolicySpec.POLICY_TYPE_EGRESS);

  /** The NetworkPolicy rules. */
  public NetworkPolicyStrategy() {
    super(NetworkPolicy.class);
  }

  /**
   * {@code SetDefaults_NetworkPolicy}: without policy types a policy is an {@code Ingress} policy,
   * and an {@code Egress} one as well when it has egress rules; {@code SetDefaults_NetworkPolicyPort}:
   * every port without a protocol is {@code TCP}.
   */
  @Override
  public NetworkPolicy defaults(NetworkPolicy np) {
    NetworkPolicySpec spec = np.specOrEmpty();
    List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
    for (NetworkPolicyIngressRule rule : spec.ingress()) {
      ingress.add(rule.withPorts(defaultProtocols(rule.ports())));
    }
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    for (NetworkPolicyEgressRule rule : spec.egress()) {
      egress.add(rule.withPorts(defaultProtocols(rule.ports())));
    }
    List<String> policyTypes = spec.policyTypes();
    if (policyTypes.isEmpty()) {
      policyTypes = spec.egress().isEmpty()
          ? List.of(NetworkPolicySpec.POLICY_TYPE_INGRESS)
          : POLICY_TYPES;
    }
    return np.withSpec(spec.withIngress(ingress).withEgress(egress).withPolicyTypes(policyTypes));
  }

  private static List<NetworkPolicyPort> defaultProtocols(List<NetworkPolicyPort> ports) {
    List<NetworkPolicyPort> out = new ArrayList<>(ports.size());
    for (NetworkPolicyPort p : ports) {
      out.add(p.protocol().isPresent() ? p : p.withProtocol("TCP"));
    }
    return out;
  }

  /** {@code ValidateNetworkPolicy} (the metadata rules are the API server's, for every kind). */
  @Override
  public List<FieldError> validate(NetworkPolicy np) {
    return validateSpec(np.specOrEmpty(), Options.forCreate(), FieldPath.root("spec"));
  }

  /**
   * The strategy's {@code ValidateUpdate}: {@code ValidateNetworkPolicy}, then {@code
   * ValidateNetworkPolicyUpdate}, which validates the spec again accepting any CIDR the old policy
   * held. Invalid label values in selectors are accepted when the old pod selector had one. The
   * API server reports an error the two passes share once.
   */
  @Override
  public List<FieldError> validateUpdate(NetworkPolicy np, NetworkPolicy old) {
    Options opts = Options.forUpdate(old);
    List<FieldError> errs = new ArrayList<>(validateSpec(np.specOrEmpty(), opts, FieldPath.root("spec")));
    errs.addAll(validateSpec(np.specOrEmpty(), opts.acceptingCidrsOf(old), FieldPath.root("spec")));
    return errs;
  }

  /** {@code ValidateNetworkPolicySpec}. */
  private static List<FieldError> validateSpec(NetworkPolicySpec spec, Options opts, FieldPath path) {
    List<FieldError> errs =
        new ArrayList<>(Selectors.validate(spec.podSelector(), path.child("podSelector"), opts.allowInvalidLabelValue()));
    for (int i = 0; i < spec.ingress().size(); i++) {
      NetworkPolicyIngressRule rule = spec.ingress().get(i);
      FieldPath rp = path.child("ingress").index(i);
      for (int j = 0; j < rule.ports().size(); j++) {
        errs.addAll(validatePort(rule.ports().get(j), rp.child("ports").index(j)));
      }
      for (int j = 0; j < rule.from().size(); j++) {
        errs.addAll(validatePeer(rule.from().get(j), opts, rp.child("from").index(j)));
      }
    }
    for (int i = 0; i < spec.egress().size(); i++) {
      NetworkPolicyEgressRule rule = spec.egress().get(i);
      FieldPath rp = path.child("egress").index(i);
      for (int j = 0; j < rule.ports().size(); j++) {
        errs.addAll(validatePort(rule.ports().get(j), rp.child("ports").index(j)));
      }
      for (int j = 0; j < rule.to().size(); j++) {
        errs.addAll(validatePeer(rule.to().get(j), opts, rp.child("to").index(j)));
      }
    }
    List<String> types = spec.policyTypes();
    if (types.size() > POLICY_TYPES.size()) {
      errs.add(FieldError.invalid(path.child("policyTypes"), types, "may not specify more than two policyTypes"));
      return errs;
    }
    for (int i = 0; i < types.size(); i++) {
      if (!POLICY_TYPES.contains(types.get(i))) {
        errs.add(FieldError.notSupported(
            path.child("policyTypes").index(i), GoFormat.namedString(types.get(i)), POLICY_TYPES));
      }
    }
    return errs;
  }

  /**
   * {@code ValidateNetworkPolicyPort}: a known protocol; a numeric port in range, with an {@code
   * endPort} not below it and in range; a named port an IANA service name, without {@code endPort};
   * no {@code endPort} without a port.
   */
  private static List<FieldError> validatePort(NetworkPolicyPort port, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    port.protocol()
        .filter(p -> !PROTOCOLS.contains(p))
        .ifPresent(p -> errs.add(FieldError.notSupported(path.child("protocol"), GoFormat.namedString(p), PROTOCOLS)));
    Optional<Integer> endPort = port.endPort();
    FieldPath endPath = path.child("endPort");
    if (port.port().isEmpty()) {
      endPort.ifPresent(e -> errs.add(FieldError.invalid(endPath, e, "may not be specified when `port` is not specified")));
      return errs;
    }
    IntOrString value = port.port().get();
    if (value.isInt()) {
      int number = value.intValue().getAsInt();
      errs.addAll(FieldError.invalidEach(path.child("port"), number, PortSyntax.isValidPortNum(number)));
      endPort.ifPresent(e -> {
        if (e < number) {
          errs.add(FieldError.invalid(endPath, e, "must be greater than or equal to `port`"));
        }
        errs.addAll(FieldError.invalidEach(endPath, e, PortSyntax.isValidPortNum(e)));
      });
    } else {
      endPort.ifPresent(e -> errs.add(FieldError.invalid(endPath, e, "may not be specified when `port` is non-numeric")));
      String name = value.stringValue();
      errs.addAll(FieldError.invalidEach(path.child("port"), name, PortSyntax.isValidPortName(name)));
    }
    return errs;
  }

  /**
   * {@code ValidateNetworkPolicyPeer}: each selector given is validated, and so is an {@code
   * ipBlock}; a peer names at least one of the three, and an {@code ipBlock} alone.
   */
  private static List<FieldError> validatePeer(NetworkPolicyPeer peer, Options opts, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    int peers = 0;
    if (peer.podSelector().isPresent()) {
      peers++;
      errs.addAll(Selectors.validate(peer.podSelector().get(), path.child("podSelector"), opts.allowInvalidLabelValue()));
    }
    if (peer.namespaceSelector().isPresent()) {
      peers++;
      errs.addAll(Selectors.validate(
          peer.namespaceSelector().get(), path.child("namespaceSelector"), opts.allowInvalidLabelValue()));
    }
    if (peer.ipBlock().isPresent()) {
      peers++;
      errs.addAll(validateIpBlock(peer.ipBlock().get(), path.child("ipBlock"), opts));
    }
    if (peers == 0) {
      errs.add(FieldError.required(path, "must specify a peer"));
    } else if (peers > 1 && peer.ipBlock().isPresent()) {
      errs.add(FieldError.forbidden(path, "may not specify both ipBlock and another peer"));
    }
    return errs;
  }

  /**
   * {@code ValidateIPBlock}: a CIDR is required and must parse (the legacy rules, with
   * StrictIPCIDRValidation off as in 1.34); each {@code except} must parse and lie strictly inside
   * it: its address in the block and its prefix longer.
   */
  private static List<FieldError> validateIpBlock(IPBlock block, FieldPath path, Options opts) {
    List<FieldError> errs = new ArrayList<>();
    String cidr = block.cidr().orElse("");
    if (cidr.isEmpty()) {
      errs.add(FieldError.required(path.child("cidr"), ""));
      return errs;
    }
    errs.addAll(legacyCidr(cidr, path.child("cidr"), opts));
    Optional<IpSyntax.Cidr> network = IpSyntax.parseCIDR(cidr);
    if (network.isEmpty()) {
      return errs;
    }
    for (int i = 0; i < block.except().size(); i++) {
      String except = block.except().get(i);
      FieldPath ep = path.child("except").index(i);
      errs.addAll(legacyCidr(except, ep, opts));
      Optional<IpSyntax.Cidr> inner = IpSyntax.parseCIDR(except);
      if (inner.isEmpty()) {
        continue;
      }
      if (!network.get().containsNetworkOf(inner.get()) || network.get().prefixLength() >= inner.get().prefixLength()) {
        errs.add(FieldError.invalid(ep, except, "must be a strict subset of `cidr`"));
      }
    }
    return errs;
  }

  /** {@code IsValidCIDRForLegacyField} without strict validation: an old value is accepted as it is. */
  private static List<FieldError> legacyCidr(String value, FieldPath path, Options opts) {
    if (opts.acceptedCidrs().contains(value)) {
      return List.of();
    }
    return FieldError.invalidEach(path, value, IpSyntax.isValidCIDR(value));
  }

  /**
   * {@code NetworkPolicyValidationOptions}: whether selectors may keep invalid label values, and
   * the CIDRs accepted without validation.
   */
  private record Options(boolean allowInvalidLabelValue, List<String> acceptedCidrs) {
    static Options forCreate() {
      return new Options(false, List.of());
    }

    /** {@code ValidationOptionsForNetworking}: lenient selectors when the old pod selector fails validation. */
    static Options forUpdate(NetworkPolicy old) {
      boolean oldInvalid = !Selectors.validate(old.specOrEmpty().podSelector(), FieldPath.root("spec"), false).isEmpty();
      return new Options(oldInvalid, List.of());
    }

    /** The options with every CIDR and {@code except} of the old policy's peers accepted. */
    Options acceptingCidrsOf(NetworkPolicy old) {
      List<String> cidrs = new ArrayList<>();
      for (NetworkPolicyIngressRule rule : old.specOrEmpty().ingress()) {
        rule.from().forEach(peer -> addCidrs(peer, cidrs));
      }
      for (NetworkPolicyEgressRule rule : old.specOrEmpty().egress()) {
        rule.to().forEach(peer -> addCidrs(peer, cidrs));
      }
      return new Options(allowInvalidLabelValue, List.copyOf(cidrs));
    }

    private static void addCidrs(NetworkPolicyPeer peer, List<String> out) {
      peer.ipBlock().ifPresent(b -> {
        out.add(b.cidr().orElse(""));
        out.addAll(b.except());
      });
    }
  }
}
