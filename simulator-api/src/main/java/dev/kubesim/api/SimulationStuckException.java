package dev.kubesim.api;

/**
 * The simulation did not settle within its step bound. The message names the seed, the virtual
 * time and the work still pending, so that the run can be reproduced.
 */
public class SimulationStuckException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /**
   * A stuck simulation.
   *
   * @param message the seed, the virtual time and the pending work
   */
  public SimulationStuckException(String message) {
    super("InternalError", 500, message);
  }
}
