package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.trace.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A simulated Kubernetes cluster held in memory. Every call runs the cluster's event loop on the
 * calling thread in virtual time; the methods are safe to call from several threads (they take the
 * cluster's one lock), but the simulation itself never uses threads. The same options and the same
 * sequence of calls give byte-identical results.
 *
 * <p>Writes ({@code apply}, {@code create}, {@code delete}) return once controllers and kubelets
 * have reacted (pods scheduled, images pulled, containers started, probes without an initial delay
 * run), but never wait out a delay the manifest asks for: a readiness probe's {@code
 * initialDelaySeconds} is still ahead when a write returns, as it is after {@code kubectl apply}.
 * {@link #settle} waits for it too; {@link #advance}, {@link #advanceUntil} and {@link #awaitReady}
 * move virtual time on.
 */
public interface Cluster extends AutoCloseable {
  /** How many traces {@link #traces()} keeps: the most recent ones. */
  int TRACE_HISTORY = 1_000;

  /**
   * The options the cluster was built with.
   *
   * @return the options the cluster was built with
   */
  ClusterOptions options();

  /**
   * Applies every document of a YAML or JSON text, in order, like {@code kubectl apply -f -}:
   * creates what is absent and updates what exists. As with kubectl, a document that is refused
   * does not stop the others, and a text is read up to its first document that does not parse
   * (the documents before it are applied).
   *
   * @param manifests one or more YAML or JSON documents
   * @return the stored objects, after defaulting and allocation
   * @throws KubeSimException after the valid documents are applied, when any failed: kubectl's
   *     message for each, one per line (its own errors first, then the API server's in document
   *     order); the exception has the first failure's type, reason and code, every failure's
   *     causes, and the failures as suppressed exceptions
   */
  ImmutableList<KubeObject> apply(String manifests);

  /**
   * Applies a manifest file, or every {@code .yaml}/{@code .yml}/{@code .json} file below a folder,
   * as {@link #apply(String)} does; a file that does not parse stops at that document and the next
   * file is read.
   *
   * @param fileOrFolder a manifest file, or a folder read with its subfolders
   * @return the stored objects, after defaulting and allocation
   */
  ImmutableList<KubeObject> apply(Path fileOrFolder);

  /**
   * Applies a manifest from the classpath, as {@link #apply(String)} does.
   *
   * @param classpathResource the resource's name ({@code k8s/kubia.yaml})
   * @return the stored objects, after defaulting and allocation
   */
  ImmutableList<KubeObject> applyResource(String classpathResource);

  /**
   * Applies objects in order, like {@link #apply(String)}, and settles once at the end.
   *
   * @param objects the objects to create or update
   * @return the stored objects, after defaulting and allocation
   */
  ImmutableList<KubeObject> applyAll(java.util.List<? extends KubeObject> objects);

  /**
   * Applies one object: creates it when absent, updates it otherwise.
   *
   * @param object the object
   * @return the stored object, after defaulting and allocation
   */
  KubeObject apply(KubeObject object);

  /**
   * Creates one object; fails with {@link AlreadyExistsException} when it exists.
   *
   * @param object the object
   * @return the stored object, after defaulting and allocation
   */
  KubeObject create(KubeObject object);

  /**
   * The object of a kind by namespace and name.
   *
   * @param kind the kind ({@code Service}, {@code Pod}, ...)
   * @param namespace the namespace ({@code ""} for cluster-scoped kinds)
   * @param name the object's name
   * @return the object, or empty when there is none
   */
  Optional<KubeObject> get(String kind, String namespace, String name);

  /**
   * The typed object by namespace and name.
   *
   * @param <T> the object's type
   * @param type the object's record type ({@code Service.class})
   * @param namespace the namespace ({@code ""} for cluster-scoped kinds)
   * @param name the object's name
   * @return the object, or empty when there is none
   */
  <T extends KubeObject> Optional<T> get(Class<T> type, String namespace, String name);

  /**
   * Objects of a type in one namespace, in name order.
   *
   * @param <T> the objects' type
   * @param type the objects' record type ({@code Pod.class})
   * @param namespace the namespace
   * @return the objects, in name order
   */
  <T extends KubeObject> ImmutableList<T> list(Class<T> type, String namespace);

  /**
   * Objects of a type in every namespace, in (namespace, name) order.
   *
   * @param <T> the objects' type
   * @param type the objects' record type ({@code Pod.class})
   * @return the objects, in (namespace, name) order
   */
  <T extends KubeObject> ImmutableList<T> listAll(Class<T> type);

  /**
   * The stored object as JSON, as the API server returns it (after defaulting and allocation;
   * absent fields and empty lists and maps left out): for tools that compare objects field by field.
   *
   * @param kind the kind ({@code Service}, {@code Pod}, ...)
   * @param namespace the namespace ({@code ""} for cluster-scoped kinds)
   * @param name the object's name
   * @return the object as one line of JSON, or empty when there is none
   */
  Optional<String> getJson(String kind, String namespace, String name);

  /**
   * Deletes an object.
   *
   * @param kind the kind ({@code Service}, {@code Pod}, ...)
   * @param namespace the namespace ({@code ""} for cluster-scoped kinds)
   * @param name the object's name
   * @throws NotFoundException when it does not exist
   */
  void delete(String kind, String namespace, String name);

  /**
   * Runs a command in a pod's first container, like {@code kubectl exec POD -- COMMAND}: the
   * process's own output and exit code (without kubectl's added lines).
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @param command the program and its arguments
   * @return the process's output and exit code, with the trace of its requests
   */
  ExecResult exec(String pod, String... command);

  /**
   * Runs a command in a named container of a pod ({@code kubectl exec POD -c CONTAINER -- COMMAND}).
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @param container the container's name
   * @param command the program and its arguments
   * @return the process's output and exit code, with the trace of its requests
   */
  ExecResult exec(String pod, String container, java.util.List<String> command);

  /**
   * Runs a command line in a pod's first container as {@code kubectl exec POD -- LINE} typed at a
   * POSIX shell runs it: the calling shell splits the line into words (quotes and backslashes
   * removed, nothing expanded: {@code curl -s 'http://kubia/a b'} runs {@code curl} with the
   * arguments {@code -s} and {@code http://kubia/a b}), and the container runs those words without
   * a shell of its own.
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @param commandLine the words after {@code --}, as typed
   * @return the process's output and exit code, with the trace of its requests
   * @throws IllegalArgumentException when a quote is not closed, or the line holds an unquoted
   *     operator ({@code ; | & < > ( )}) that the calling shell, not the container, would act on
   */
  ExecResult execLine(String pod, String commandLine);

  /**
   * The pods of a namespace whose labels match a selector in kubectl's {@code -l} syntax: equality
   * ({@code app=orders,tier!=db}) and set-based ({@code env in (a,b)}, {@code env notin (c)}, {@code
   * key}, {@code !key}); an empty selector matches every pod. In name order.
   *
   * @param namespace the namespace
   * @param labelSelector a label selector, as {@code kubectl get -l} takes it (e.g. {@code
   *     app=frontend})
   * @return the pods of a namespace whose labels match a selector in kubectl's {@code -l} syntax
   * @throws BadRequestException with kubectl's message when the selector does not parse ({@code
   *     unable to parse requirement: ...})
   */
  java.util.List<dev.kubesim.api.model.Pod> pods(String namespace, String labelSelector);

  /**
   * The one pod a test means by a selector: among the matching pods that are not terminating, the
   * first by name of those that are Ready, else of those that are Running, else of those that are
   * scheduled, else the first by name.
   *
   * @param namespace the namespace
   * @param labelSelector a label selector, as {@code kubectl get -l} takes it (e.g. {@code
   *     app=frontend})
   * @return the one pod a test means by a selector
   * @throws NotFoundException when no pod matches ({@code no pods in namespace "default" match
   *     "app=orders"})
   * @throws BadRequestException when the selector does not parse
   */
  dev.kubesim.api.model.Pod pod(String namespace, String labelSelector);

  /**
   * Runs a command in the first container of the pod {@link #pod(String, String)} picks, as {@link
   * #exec(String, String...)} does.
   *
   * @param namespace the namespace
   * @param labelSelector a label selector, as {@code kubectl get -l} takes it (e.g. {@code
   *     app=frontend})
   * @param command the command and its arguments
   * @return the command's output, exit code and trace
   */
  ExecResult execIn(String namespace, String labelSelector, String... command);

  /**
   * A Service as a view: type, cluster IP, ports and nodePorts, the load balancer's address, the
   * ready endpoints of its EndpointSlices.
   *
   * @param namespace the namespace
   * @param name the object's name
   * @return a Service as a view: type, cluster IP, ports and nodePorts, the load balancer's
   *     address, the ready endpoints of its EndpointSlices
   * @throws NotFoundException when it does not exist ({@code services "nope" not found})
   */
  ServiceView service(String namespace, String name);

  /**
   * A Deployment as a view: desired and ready replicas, and the pods of its ReplicaSets.
   *
   * @param namespace the namespace
   * @param name the object's name
   * @return a Deployment as a view: desired and ready replicas, and the pods of its ReplicaSets
   * @throws NotFoundException when it does not exist
   */
  DeploymentView deployment(String namespace, String name);

  /**
   * Sends one HTTP request from a pod's network namespace, as {@code curl} in that pod would: the
   * host is resolved through the pod's {@code /etc/hosts} and resolver, and the request walks the
   * same packets, rules and conntrack as curl's. No program of the pod's image is needed.
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @param request its {@link dev.kubesim.api.program.HttpRequest#target() target} is the URL
   *     ({@code http://orders/v1/orders}); the method, header fields (added to or replacing curl's
   *     {@code Host}, {@code User-Agent} and {@code Accept}) and body are sent; the addresses are
   *     ignored
   * @return the result: the response, or the error curl would report, with the trace
   * @throws NotFoundException when the pod does not exist
   * @throws BadRequestException when it has no running container or no network namespace
   * @throws IllegalArgumentException when the target is not a URL
   */
  HttpResult http(String pod, dev.kubesim.api.program.HttpRequest request);

  /**
   * {@link #http(String, dev.kubesim.api.program.HttpRequest)} with a {@code GET} of this URL.
   *
   * @param pod the pod, as {@code namespace/name} or, in {@code default}, by its name
   * @param url the URL, as curl takes it
   * @return {@link #http(String, dev.kubesim.api.program.HttpRequest)} with a {@code GET} of this
   *     URL
   */
  default HttpResult http(String pod, String url) {
    return http(pod, dev.kubesim.api.program.HttpRequest.get(url));
  }

  /**
   * Registers a scripted application for an image repository ({@code orders}), replacing what ran
   * it before: containers of the image started afterwards serve its scripted responses on their
   * declared {@code containerPorts}. See {@link FakeApp}.
   *
   * @param imageRepository the image repository (without a tag) that the fake app serves
   * @return the fake application, to script
   * @throws IllegalArgumentException when the repository is not a valid image reference
   */
  FakeApp fakeApp(String imageRepository);

  /**
   * Opens an interactive shell in a pod's first container, as {@code kubectl exec -it POD -- bash}
   * does: bash where the image has it, {@code sh} otherwise. For tests that run several commands in
   * the same shell (variables, {@code cd} and {@code $?} carry from line to line).
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @return the open shell; close it to end the session
   * @throws NotFoundException when the pod does not exist
   * @throws BadRequestException when the pod has no running container to exec into
   */
  PodShell shell(String pod);

  /**
   * Opens a shell in a named container of a pod ({@code kubectl exec -it POD -c CONTAINER --
   * COMMAND}).
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @param container the container's name; empty for the first
   * @param command the shell and its options ({@code bash}, {@code sh}, {@code /bin/ash}); empty for
   *     bash where the image has it, {@code sh} otherwise
   * @return the open shell; close it to end the session
   * @throws KubeSimException with reason {@code InternalError} when the image has no such program,
   *     in the container runtime's words ({@code exec: "bash": executable file not found in $PATH})
   * @throws IllegalArgumentException when the command is not a shell reading its input (a program
   *     that is no shell, or a shell given {@code -c} or a script: use {@link #exec} for those)
   */
  PodShell shell(String pod, String container, java.util.List<String> command);

  /**
   * A client outside the cluster at {@value ExternalClient#DEFAULT_ADDRESS}: it reaches nodePorts,
   * LoadBalancer addresses through the cloud's load balancer and Services' externalIPs, and runs
   * {@code curl}, {@code wget}, {@code ping}... ({@code cluster.external().exec("curl", "-s",
   * "http://192.168.49.2:30123/")}).
   *
   * @return the client at the default address
   */
  ExternalClient external();

  /**
   * A client outside the cluster at this address (the same host for the same address).
   *
   * @param ip the client's IPv4 address
   * @return the client at that address
   * @throws IllegalArgumentException when {@code ip} is not an IPv4 address, or is one of the
   *     cluster's (a node's, the pod network's, the Service range's)
   */
  ExternalClient external(String ip);

  /**
   * The traces of the commands the cluster ran, oldest first: one for every {@code exec}, shell
   * command or external client's command that sent something over the network ({@code curl},
   * {@code wget}, {@code nslookup}, {@code ping}, ...), the same trace its result carries (a command
   * that made several requests has one trace of them all). Only the most recent {@value
   * #TRACE_HISTORY} are kept. The list is a copy: later commands do not change it.
   *
   * @return the traces of the commands the cluster ran, oldest first
   */
  List<Trace> traces();

  /** Forgets the traces {@link #traces()} kept so far. */
  void clearTraces();

  /**
   * Which of these pods can open a connection to which on a port, as the upstream NetworkPolicy
   * e2e tests probe: every ordered pair, a TCP connection (or a UDP datagram answered, or an SCTP
   * association established) from the client pod to the server pod's IP through the packet path,
   * with a one-second limit each, at the cluster's current instant. Time does not move.
   *
   * @param pods {@code namespace/name} (or a name in {@code default}), in the order rows and columns take
   * @param port the servers' port
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @return every ordered pair's outcome
   * @throws NotFoundException when a pod does not exist
   * @throws IllegalArgumentException for another protocol or a port outside 1-65535
   */
  ReachabilityMatrix reachability(java.util.List<String> pods, int port, String protocol);

  /**
   * {@link #reachability(java.util.List, int, String)} for every pod with an IP of these
   * namespaces (all namespaces but {@code kube-*} when none are given), in (namespace, name) order.
   *
   * @param namespaces the namespaces whose pods take part; empty for all but {@code kube-*}
   * @param port the servers' port
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @return every ordered pair's outcome
   */
  ReachabilityMatrix reachabilityOf(java.util.List<String> namespaces, int port, String protocol);

  /**
   * The cluster as a map at the current instant: nodes with their pods (IP, readiness), Services
   * with their cluster IPs, ports and ready endpoints, Ingresses with their routes to Services,
   * NetworkPolicies with the pods they select; to draw as DOT or SVG ({@code
   * cluster.map().toSvg(trace)} highlights a request's way). Time does not move.
   *
   * @return the map of the cluster as it is now
   */
  dev.kubesim.api.map.ClusterMap map();

  /**
   * A node of the cluster, to stop and start it ({@code cluster.node("node-2").stop()}).
   *
   * @param name the node's name
   * @return a handle on the node
   * @throws NotFoundException when the cluster has no node of that name
   */
  NodeHandle node(String name);

  /**
   * The programs images run in this cluster: register your own to make an image answer requests
   * your way ({@code cluster.programs().register("example/echo", Program.builder()...build())});
   * containers started afterwards run it.
   *
   * @return the cluster's program registry
   */
  dev.kubesim.api.program.Programs programs();

  /**
   * Runs a kubectl command line.
   *
   * @param commandLine the command line ({@code get pods -o wide}; a leading {@code kubectl} is
   *     optional), split into words as a shell splits it
   * @return what kubectl printed and its exit code
   */
  KubectlResult kubectl(String commandLine);

  /**
   * Runs a kubectl command line as typed at a terminal (a lab's, an interactive shell's): as {@link
   * #kubectl(String)}, except that the manifests named after {@code -f} are read from {@code
   * manifests} where it has them, and that {@code kubectl exec -it POD -- bash} stays attached to
   * the shell, whose lines the caller then types ({@link TerminalKubectl#attached()}). A pipeline
   * ({@code kubectl get pods | grep web}) runs its other commands on the host outside the cluster.
   *
   * @param commandLine the command line (a leading {@code kubectl} is optional), split into words
   *     as a shell splits it
   * @param manifests the text of a manifest by the name {@code -f} gives, or empty to read the file
   *     of that name
   * @return what kubectl printed, what a command it ran in a container sent, and the shell left
   *     attached, if any
   */
  TerminalKubectl kubectlAtTerminal(String commandLine, java.util.function.Function<String, Optional<String>> manifests);

  /**
   * A new shell at a terminal next to the cluster: bash on the host outside it, whose {@code kubectl}
   * talks to this cluster, for lines that need a shell ({@code POD=$(kubectl get pods -o name)},
   * {@code for i in 0 1; do kubectl exec web-$i -- hostname; done}, {@code kubectl get pods | grep
   * Running}).
   *
   * @param manifests maps a name given to kubectl's {@code -f} to the manifest's text, or empty to
   *     read the file of that name
   * @return the shell, with its own variables
   */
  HostShell hostShell(java.util.function.Function<String, Optional<String>> manifests);

  /**
   * A pod as its node runs it, to read what its processes see (their environment, the pod's {@code
   * resolv.conf}) and to look names up as its resolver does, without running a program in it.
   *
   * @param pod {@code namespace/name}, or a name in {@code default}
   * @return the running pod
   * @throws NotFoundException when the pod does not exist
   * @throws BadRequestException when it is not running on a node
   */
  RunningPod runningPod(String pod);

  /**
   * Lets virtual time pass, running everything due meanwhile.
   *
   * @param duration how much virtual time passes
   */
  void advance(Duration duration);

  /**
   * Lets the cluster settle: runs until no controller or kubelet has work pending and every
   * readiness probe whose first run is due within ten minutes has run once (the settling rule of
   * kubesim's conformance scenarios).
   */
  void settle();

  /**
   * Advances virtual time only as far as needed for a condition to hold: the condition is checked
   * now and after each instant at which the cluster has something to do (the event loop's own next
   * event times), never by the wall clock.
   *
   * @param max how much virtual time may pass at most
   * @param condition what to wait for, tested on this cluster at each instant
   * @return the virtual time that passed
   * @throws ConditionTimeoutException when the condition still does not hold after {@code max}; the
   *     clock then stands at the limit
   */
  Duration advanceUntil(Duration max, java.util.function.Predicate<Cluster> condition);

  /**
   * Advances virtual time until every workload and pod of the cluster is ready: each Deployment,
   * ReplicaSet and ReplicationController has its desired replicas ready (and a Deployment's are
   * updated), each pod that has not completed is Ready, and StatefulSets and DaemonSets report
   * their replicas ready.
   *
   * @param max the most virtual time to wait
   * @return the virtual time that passed
   * @throws ConditionTimeoutException naming each object not ready, and why
   */
  Duration awaitReady(Duration max);

  /**
   * Advances virtual time until one object is ready, as {@link #awaitReady(Duration)} judges it.
   *
   * @param kind {@code Pod}, {@code Deployment}, {@code ReplicaSet}, {@code ReplicationController},
   *     {@code StatefulSet}, {@code DaemonSet} (any case)
   * @param namespace the namespace
   * @param name the object's name
   * @param max the most virtual time to wait
   * @return the virtual time waited
   * @throws BadRequestException for another kind
   * @throws ConditionTimeoutException when it is not ready by then, or does not exist
   */
  Duration awaitReady(String kind, String namespace, String name, Duration max);

  /**
   * The whole state of the cluster as JSON, for failure reports: a {@code List} as {@code kubectl get
   * -o json} prints one, of every object of every kind, in (kind, namespace, name) order. The same
   * state gives the same text.
   *
   * @return the whole state of the cluster as JSON, for failure reports
   */
  String dumpJson();

  /**
   * Virtual time since the cluster was built.
   *
   * @return virtual time since the cluster was built
   */
  Duration now();

  /**
   * Calls {@code listener} with every later change of the kind, synchronously, in commit order.
   * The listener must not call back into the cluster.
   *
   * @param kind the kind ({@code Pod}, {@code Service}, ...)
   * @param listener what hears each change
   */
  void watch(String kind, Consumer<ObjectChange> listener);

  /**
   * Serves this cluster's Kubernetes API over HTTP on 127.0.0.1 with {@link ServeOptions#defaults()}
   * (a free port, virtual time stepped by calls), so that real clients ({@code kubectl}, the Java
   * clients) work against it. Requests are calls like the others: they take the cluster's lock, and
   * the cluster has settled before any read (see {@link ServedApi}). The server is closed with the
   * cluster.
   *
   * @return the running server
   */
  default ServedApi serve() {
    return serve(ServeOptions.defaults());
  }

  /**
   * Serves this cluster's Kubernetes API over HTTP with these options.
   *
   * @param options the port, clock and watch history
   * @return the running server
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  ServedApi serve(ServeOptions options);

  /** Releases the cluster. Nothing of it is used after this. */
  @Override
  void close();
}
