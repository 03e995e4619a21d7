package dev.kubesim.impl.cluster;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.ConflictException;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.SimulationStuckException;
import dev.kubesim.api.StatusCause;
import java.util.ArrayList;
import java.util.List;

/** Re-words an API error with the manifest it came from, keeping its type, reason and causes. */
final class Errors {
  private Errors() {}

  static KubeSimException withContext(KubeSimException e, String context) {
    if (e instanceof SimulationStuckException) {
      return e;
    }
    KubeSimException out = copy(e, context + ": " + e.getMessage(), e.causes());
    out.initCause(e);
    return out;
  }

  /**
   * Several failures of one call, as kubectl reports an aggregate: one per line, in order. The
   * result has the first failure's type, reason and code, every failure's causes, and the
   * failures themselves as suppressed exceptions; one failure is returned as it is.
   */
  static KubeSimException aggregate(List<KubeSimException> failures) {
    if (failures.size() == 1) {
      return failures.get(0);
    }
    List<StatusCause> causes = new ArrayList<>();
    StringBuilder message = new StringBuilder();
    for (KubeSimException f : failures) {
      causes.addAll(f.causes());
      message.append(message.length() == 0 ? "" : "\n").append(f.getMessage());
    }
    KubeSimException out = copy(failures.get(0), message.toString(), causes);
    failures.forEach(out::addSuppressed);
    return out;
  }

  private static KubeSimException copy(KubeSimException e, String message, List<StatusCause> causes) {
    if (e instanceof InvalidObjectException) {
      return new InvalidObjectException(message, causes);
    } else if (e instanceof NotFoundException) {
      return new NotFoundException(message);
    } else if (e instanceof AlreadyExistsException) {
      return new AlreadyExistsException(message);
    } else if (e instanceof ConflictException) {
      return new ConflictException(message);
    } else if (e instanceof BadRequestException) {
      return new BadRequestException(message, causes);
    }
    return new KubeSimException(e.reason(), e.code(), message, causes);
  }
}
