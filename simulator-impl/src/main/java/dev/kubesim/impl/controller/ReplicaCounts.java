package dev.kubesim.impl.controller;

/** The status counts of a ReplicationController or ReplicaSet, and the generation they describe. */
record ReplicaCounts(int replicas, int fullyLabeled, int ready, int available, int terminating, long observedGeneration) {}
