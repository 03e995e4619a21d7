package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {
  private static final FieldPath PORTS = FieldPath.root("spec", "ports");

  @Test
  void startsEmptyAndAccumulatesInOrder() {
    FieldErrors errors = new FieldErrors();
    assertThat(errors.isEmpty()).isTrue();

    FieldError first = FieldError.required(PORTS, "");
    FieldError second = FieldError.duplicate(PORTS.index(1).child("name"), "http");
    errors.add(first).addAll(List.of(second));

    assertThat(errors.isEmpty()).isFalse();
    assertThat(errors.size()).isEqualTo(2);
    assertThat(errors.list()).containsExactly(first, second);
  }

  @Test
  void listIsAnImmutableSnapshot() {
    FieldErrors errors = new FieldErrors().add(FieldError.required(PORTS, ""));
    List<FieldError> snapshot = errors.list();

    errors.add(FieldError.forbidden(PORTS, "no"));

    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(() -> snapshot.add(FieldError.required(PORTS, "")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void addInvalidAddsOneErrorPerMessage() {
    FieldErrors errors =
        new FieldErrors().addInvalid(PORTS.index(0).child("name"), "-a", List.of("m1", "m2"));

    assertThat(errors.list())
        .extracting(FieldError::message)
        .containsExactly(
            "spec.ports[0].name: Invalid value: \"-a\": m1",
            "spec.ports[0].name: Invalid value: \"-a\": m2");
  }

  @Test
  void aggregateMessageIsBareForOneAndBracketedAndDeduplicatedForMany() {
    FieldErrors one = new FieldErrors().add(FieldError.required(PORTS, ""));
    FieldErrors many =
        new FieldErrors()
            .add(FieldError.required(PORTS, ""))
            .add(FieldError.required(PORTS, ""))
            .add(FieldError.notSupported(FieldPath.root("spec", "type"), "Foo", List.of("ClusterIP")));

    assertThat(new FieldErrors().aggregateMessage()).isEmpty();
    assertThat(one.aggregateMessage()).isEqualTo("spec.ports: Required value");
    assertThat(many.aggregateMessage())
        .isEqualTo(
            "[spec.ports: Required value, spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\"]");
  }
}
