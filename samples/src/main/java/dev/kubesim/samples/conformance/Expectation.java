package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step's {@code expect} mapping, checked at load time against its verb's shape (so every key is
 * one the format defines and every value has the right type). It stays a tree because references
 * inside it are substituted just before the step runs; each verb's handler reads the keys it
 * defines.
 *
 * @param tree the mapping as written
 */
public record Expectation(JsonNode tree) {}
