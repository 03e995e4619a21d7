/**
 * The API server's field-validation primitives, mirroring k8s.io/apimachinery's {@code
 * pkg/util/validation} and {@code pkg/util/validation/field}.
 *
 * <p>Message texts are copied from apimachinery (Kubernetes 1.33-era {@code validation.go}, {@code
 * ip.go}, {@code field/errors.go}, {@code field/path.go}, {@code api/validation/objectmeta.go} and
 * {@code generic.go}) so that errors a user sees here match what a real cluster prints, character
 * for character. Length limits count UTF-8 bytes, as Go's {@code len} does.
 */
package dev.kubesim.impl.apiserver.validation;
