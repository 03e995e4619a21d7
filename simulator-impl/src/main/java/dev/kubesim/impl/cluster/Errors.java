package dev.kubesim.impl.cluster;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.ConflictException;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.SimulationStuckException;

/** Re-words an API error with the manifest it came from, keeping its type, reason and causes. */
final class Errors {
  private Errors() {}

  static KubeSimException withContext(KubeSimException e, String context) {
    String message = context + ": " + e.getMessage();
    KubeSimException out;
    if (e instanceof InvalidObjectException) {
      out = new InvalidObjectException(message, e.causes());
    } else if (e instanceof NotFoundException) {
      out = new NotFoundException(message);
    } else if (e instanceof AlreadyExistsException) {
      out = new AlreadyExistsException(message);
    } else if (e instanceof ConflictException) {
      out = new ConflictException(message);
    } else if (e instanceof BadRequestException) {
      out = new BadRequestException(message, e.causes());
    } else if (e instanceof SimulationStuckException) {
      return e;
    } else {
      out = new KubeSimException(e.reason(), e.code(), message, e.causes());
    }
    out.initCause(e);
    return out;
  }
}
