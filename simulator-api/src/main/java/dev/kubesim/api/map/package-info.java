/**
 * The cluster as a map: {@link dev.kubesim.api.map.ClusterMap}, what {@code cluster.map()} returns,
 * with the nodes and their pods, the Services and their ready endpoints, the Ingresses' routes and
 * the NetworkPolicies' pods, drawn as Graphviz DOT or as a self-contained SVG, optionally with a
 * trace's way highlighted; and where each hop of a trace is on it ({@link dev.kubesim.api.map.MapStep}),
 * for a viewer that steps through a request on the map.
 */
package dev.kubesim.api.map;
