/**
 * The container network plugin, as the network sees it: pods join the network when their status
 * gets an IP (a namespace on their node's bridge, or the node's own for {@code hostNetwork}) and
 * leave it when deleted; their listeners are their running containers, found through the kubelet
 * when a packet arrives.
 */
package dev.kubesim.impl.cni;
