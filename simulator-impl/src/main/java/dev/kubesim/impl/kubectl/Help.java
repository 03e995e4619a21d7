package dev.kubesim.impl.kubectl;

/** kubectl v1.32's top-level help text, listing the commands kubesim runs, and cobra's suggestion distance. */
final class Help {
  static final String TEXT =
      "kubectl controls the Kubernetes cluster manager.\n"
          + "\n"
          + " Find more information at: https://kubernetes.io/docs/reference/kubectl/\n"
          + "\n"
          + "Basic Commands (Beginner):\n"
          + "  create          Create a resource from a file or from stdin\n"
          + "  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service\n"
          + "  run             Run a particular image on the cluster\n"
          + "  set             Set specific features on objects\n"
          + "\n"
          + "Basic Commands (Intermediate):\n"
          + "  explain         Get documentation for a resource\n"
          + "  get             Display one or many resources\n"
          + "  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector\n"
          + "\n"
          + "Deploy Commands:\n"
          + "  rollout         Manage the rollout of a resource\n"
          + "  scale           Set a new size for a deployment, replica set, or replication controller\n"
          + "  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller\n"
          + "\n"
          + "Cluster Management Commands:\n"
          + "  cluster-info    Display cluster information\n"
          + "  top             Display resource (CPU/memory) usage\n"
          + "  cordon          Mark node as unschedulable\n"
          + "  uncordon        Mark node as schedulable\n"
          + "  drain           Drain node in preparation for maintenance\n"
          + "  taint           Update the taints on one or more nodes\n"
          + "\n"
          + "Troubleshooting and Debugging Commands:\n"
          + "  describe        Show details of a specific resource or group of resources\n"
          + "  logs            Print the logs for a container in a pod\n"
          + "  exec            Execute a command in a container\n"
          + "  port-forward    Forward one or more local ports to a pod\n"
          + "  events          List events\n"
          + "\n"
          + "Advanced Commands:\n"
          + "  apply           Apply a configuration to a resource by file name or stdin\n"
          + "  patch           Update fields of a resource\n"
          + "  replace         Replace a resource by file name or stdin\n"
          + "  wait            Experimental: Wait for a specific condition on one or many resources\n"
          + "  kustomize       Build a kustomization target from a directory or URL\n"
          + "\n"
          + "Settings Commands:\n"
          + "  label           Update the labels on a resource\n"
          + "  annotate        Update the annotations on a resource\n"
          + "\n"
          + "Other Commands:\n"
          + "  api-resources   Print the supported API resources on the server\n"
          + "  api-versions    Print the supported API versions on the server, in the form of \"group/version\"\n"
          + "  config          Modify kubeconfig files\n"
          + "  version         Print the client and server version information\n"
          + "\n"
          + "Usage:\n"
          + "  kubectl [flags] [options]\n"
          + "\n"
          + "Use \"kubectl <command> --help\" for more information about a given command.\n"
          + "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

  private Help() {}

  /** The Levenshtein distance cobra uses for suggestions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
