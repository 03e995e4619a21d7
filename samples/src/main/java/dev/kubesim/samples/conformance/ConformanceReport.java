package dev.kubesim.samples.conformance;

import java.util.List;
import java.util.Optional;

/**
 * The result of every case of a conformance run, in run order.
 *
 * @param cases one result per case
 */
public record ConformanceReport(List<CaseResult> cases) {
  public ConformanceReport {
    cases = List.copyOf(cases);
  }

  /** How a case ended. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  /**
   * One case.
   *
   * @param id {@code <scenario> :: <step>}
   * @param status passed, failed or skipped
   * @param message for a failure {@code <expected> / <actual>}, for a skip {@code requires
   *     <feature>}, empty for a pass; always one line
   */
  public record CaseResult(String id, Status status, String message) {
    public CaseResult {
      message = Texts.oneLine(message);
    }

    /** The case id of a scenario's step. */
    public static String id(String scenario, String step) {
      return scenario + " :: " + step;
    }

    public static CaseResult passed(String id) {
      return new CaseResult(id, Status.PASSED, "");
    }

    public static CaseResult failed(String id, String message) {
      return new CaseResult(id, Status.FAILED, message);
    }

    public static CaseResult skipped(String id, String message) {
      return new CaseResult(id, Status.SKIPPED, message);
    }

    /** The report line: {@code FAIL <id>: <message>} or {@code SKIP <id>: <message>}; none for a pass. */
    public Optional<String> line() {
      return switch (status) {
        case FAILED -> Optional.of("FAIL " + id + ": " + message);
        case SKIPPED -> Optional.of("SKIP " + id + ": " + message);
        case PASSED -> Optional.empty();
      };
    }
  }

  public long passed() {
    return count(Status.PASSED);
  }

  public long failed() {
    return count(Status.FAILED);
  }

  public long skipped() {
    return count(Status.SKIPPED);
  }

  private long count(Status status) {
    return cases.stream().filter(c -> c.status() == status).count();
  }

  /** The closing line: {@code N passed, M failed, K skipped}. */
  public String summary() {
    return passed() + " passed, " + failed() + " failed, " + skipped() + " skipped";
  }

  /** 0 only when no case failed. */
  public int exitCode() {
    return failed() == 0 ? 0 : 1;
  }
}
