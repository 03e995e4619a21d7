package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.StatusCause;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
  private static final InvalidObjectException INVALID =
      new InvalidObjectException("Service \"web\" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
          List.of(new StatusCause("spec.ports[0].port", "FieldValueInvalid", "Invalid value: 0: must be between 1 and 65535, inclusive")));

  @Test
  void aSingleInvalidErrorIsWordedFromItsDetails() {
    assertThat(ErrorMessages.single(Failure.api(INVALID, "error when creating \"web.yaml\": ")))
        .isEqualTo("The Service \"web\" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive");
  }

  @Test
  void invalidErrorsOfGroupedKindsNameTheKindWithoutGroup() {
    InvalidObjectException e = new InvalidObjectException("Ingress.networking.k8s.io \"x\" is invalid: spec: Required value",
        List.of(new StatusCause("spec", "FieldValueRequired", "Required value"), new StatusCause("spec.rules", "FieldValueRequired", "Required value")));
    assertThat(ErrorMessages.single(Failure.api(e, "")))
        .isEqualTo("The Ingress \"x\" is invalid: \n* spec: Required value\n* spec.rules: Required value");
  }

  @Test
  void otherApiErrorsUseTheStandardMessageWithTheSource() {
    assertThat(ErrorMessages.single(Failure.api(new AlreadyExistsException("services \"kubia\" already exists"), "error when creating \"x.yaml\": ")))
        .isEqualTo("Error from server (AlreadyExists): error when creating \"x.yaml\": services \"kubia\" already exists");
  }

  @Test
  void severalErrorsArePrintedOnePerLineInTheirStandardForm() {
    assertThat(ErrorMessages.multiple(List.of(Failure.api(INVALID, "error when creating \"a.yaml\": "), Failure.client("error: boom"))))
        .isEqualTo("Error from server (Invalid): error when creating \"a.yaml\": Service \"web\" is invalid: spec.ports[0].port: Invalid value:"
            + " 0: must be between 1 and 65535, inclusive\nboom");
  }
}
