/**
 * The basic commands a container can run ({@code ls}, {@code cat}, {@code touch}, {@code rm},
 * {@code mkdir}, {@code echo}, {@code env}, {@code printenv}, {@code hostname}, {@code sleep},
 * {@code true}, {@code false}, {@code pwd}, {@code test}/{@code [}, {@code grep}, {@code chmod}),
 * each worded as GNU coreutils or BusyBox words it, by the container's image.
 */
package dev.kubesim.impl.program.commands;
