package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.StatusCause;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code metav1.Status} as the API server answers a failed (or a finished, for some deletes)
 * request: {@code kind: Status}, {@code status: Failure}, the message, reason, code and details
 * with the causes ({@code k8s.io/apimachinery/pkg/api/errors}). Details name the resource for
 * NotFound, AlreadyExists and Conflict, and the kind for Invalid, as the real errors do.
 */
final class StatusObjects {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StatusObjects() {}

  /** {@code services "kubia" ...}, {@code Deployment.apps "web" ...}: what the message is about. */
  private static final Pattern SUBJECT = Pattern.compile("^([A-Za-z0-9]+)(?:\\.([a-z0-9.-]+))? \"([^\"]*)\"");

  /**
   * The Status of a kubesim error. Its details name the object as the message does (the resource
   * for NotFound, AlreadyExists and Conflict, the kind for Invalid), or else the request's.
   */
  static ObjectNode failure(KubeSimException e, Optional<KindInfo> kind, String name) {
    ObjectNode status = failure(e.code(), e.reason(), e.getMessage());
    boolean byKind = "Invalid".equals(e.reason());
    // An apply's conflicts name fields, not the object (NewApplyConflict: details with causes only).
    boolean applyConflict = "Conflict".equals(e.reason()) && e.getMessage().startsWith("Apply failed with ");
    boolean byResource = "NotFound".equals(e.reason()) || "AlreadyExists".equals(e.reason())
        || ("Conflict".equals(e.reason()) && !applyConflict);
    Matcher subject = SUBJECT.matcher(e.getMessage());
    boolean named = subject.find() && !e.getMessage().startsWith("Operation cannot");
    if ((byKind || byResource) && (named || kind.isPresent())) {
      ObjectNode details = status.putObject("details");
      String detailName = named ? subject.group(3) : name;
      String group = named ? (subject.group(2) == null ? "" : subject.group(2)) : kind.get().group();
      String what = named ? subject.group(1) : byKind ? kind.get().kind() : kind.get().resource();
      if (!detailName.isEmpty()) {
        details.put("name", detailName);
      }
      if (!group.isEmpty()) {
        details.put("group", group);
      }
      details.put("kind", what);
      addCauses(details, e);
    } else if (!e.causes().isEmpty()) {
      addCauses(status.putObject("details"), e);
    }
    return status;
  }

  private static void addCauses(ObjectNode details, KubeSimException e) {
    if (e.causes().isEmpty()) {
      return;
    }
    ArrayNode causes = details.putArray("causes");
    for (StatusCause c : e.causes()) {
      ObjectNode cause = causes.addObject();
      cause.put("reason", c.type());
      cause.put("message", c.message());
      if (!c.field().isEmpty()) {
        cause.put("field", c.field());
      }
    }
  }

  /** A Status without details. */
  static ObjectNode failure(int code, String reason, String message) {
    ObjectNode status = JSON.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    if (reason != null && !reason.isEmpty()) {
      status.put("reason", reason);
    }
    status.put("code", code);
    return status;
  }

  /** The Status of a delete that removed the object at once. */
  static ObjectNode deleted(KindInfo kind, String name, String uid) {
    ObjectNode status = JSON.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success");
    ObjectNode details = status.putObject("details");
    details.put("name", name);
    if (!kind.group().isEmpty()) {
      details.put("group", kind.group());
    }
    details.put("kind", kind.resource());
    if (!uid.isEmpty()) {
      details.put("uid", uid);
    }
    return status;
  }

  /** 404 for a path the server does not serve, as the real one words it. */
  static ObjectNode pageNotFound() {
    ObjectNode s = failure(404, "NotFound", "the server could not find the requested resource");
    s.putObject("details");
    return s;
  }

  /** 405 for a verb the resource does not answer. */
  static ObjectNode methodNotAllowed(String method) {
    return failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  }
}
