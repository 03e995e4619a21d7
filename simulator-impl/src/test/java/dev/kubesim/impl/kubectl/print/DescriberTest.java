package dev.kubesim.impl.kubectl.print;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriberTest {

  /** The calls and expected output of kubectl describe_test.go's TestDescribeServiceAccount. */
  @Test
  void describeAlignsValuesOfOneBlock() {
    String out =
        Describer.tabbedString(
            w -> {
              w.write(LEVEL_0, "Name:\t%s\n", "bar");
              w.write(LEVEL_0, "Namespace:\t%s\n", "foo");
              w.printLabelsMultiline("Labels", Map.of());
              w.printAnnotationsMultiline("Annotations", Map.of());
              w.write(LEVEL_0, "%s\t%s (not found)\n", "Image pull secrets:", "test-local-ref");
              w.write(LEVEL_0, "%s\t%s (not found)\n", "Mountable secrets:", "test-objectref");
              w.write(LEVEL_0, "%s\t<none>\n", "Tokens:");
              w.write(LEVEL_0, "Events:\t<none>\n");
            });

    assertThat(out)
        .isEqualTo(
            "Name:                bar\n"
                + "Namespace:           foo\n"
                + "Labels:              <none>\n"
                + "Annotations:         <none>\n"
                + "Image pull secrets:  test-local-ref (not found)\n"
                + "Mountable secrets:   test-objectref (not found)\n"
                + "Tokens:              <none>\n"
                + "Events:              <none>\n");
  }

  /**
   * The output of kubectl describe_test.go's TestDescribePodVolumes: a line without a tab ends a
   * block, nested labels align among themselves, and an empty value leaves its label padded.
   */
  @Test
  void describeStartsANewBlockAfterALineWithoutTabs() {
    Describer describer = new Describer();
    PrefixWriter w = describer.writer();
    w.write(LEVEL_0, "Name:\t%s\n", "bar");
    w.write(LEVEL_0, "Namespace:\t%s\n", "foo");
    w.write(LEVEL_0, "Node:\t<none>\n");
    w.printLabelsMultiline("Labels", Map.of());
    w.printAnnotationsMultiline("Annotations", Map.of());
    w.write(LEVEL_0, "Status:\t%s\n", "");
    w.write(LEVEL_0, "IP:\t%s\n", "");
    w.write(LEVEL_0, "IPs:\t<none>\n");
    w.write(LEVEL_0, "Containers: <none>\n");
    w.write(LEVEL_0, "Volumes:\n");
    w.write(LEVEL_1, "%v:\n", "image");
    w.write(
        LEVEL_2,
        "Type:\tImage (a container image or OCI artifact)\n    Reference:\t%v\n"
            + "    PullPolicy:\t%v\n",
        "image",
        "IfNotPresent");
    w.write(LEVEL_0, "QoS Class:\t%s\n", "BestEffort");
    w.printLabelsMultiline("Node-Selectors", Map.of());
    w.printLabelsMultiline("Tolerations", Map.of());
    w.write(LEVEL_0, "Events:\t<none>\n");

    assertThat(describer.render())
        .isEqualTo(
            "Name:         bar\n"
                + "Namespace:    foo\n"
                + "Node:         <none>\n"
                + "Labels:       <none>\n"
                + "Annotations:  <none>\n"
                + "Status:       \n"
                + "IP:           \n"
                + "IPs:          <none>\n"
                + "Containers: <none>\n"
                + "Volumes:\n"
                + "  image:\n"
                + "    Type:        Image (a container image or OCI artifact)\n"
                + "    Reference:   image\n"
                + "    PullPolicy:  IfNotPresent\n"
                + "QoS Class:       BestEffort\n"
                + "Node-Selectors:  <none>\n"
                + "Tolerations:     <none>\n"
                + "Events:          <none>\n");
  }

  @Test
  void labelsAfterTheFirstAlignUnderTheFirstValue() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("tier", "web");
    labels.put("app", "kubia");
    String out =
        Describer.tabbedString(
            w -> {
              w.write(LEVEL_0, "Name:\t%s\n", "kubia");
              w.printLabelsMultiline("Labels", labels);
              w.printAnnotationsMultiline("Annotations", Map.of("note", "hello"));
              w.write(LEVEL_0, "Selector:\t%s\n", LabelFormat.formatLabels(labels));
            });

    assertThat(out)
        .isEqualTo(
            "Name:         kubia\n"
                + "Labels:       app=kubia\n"
                + "              tier=web\n"
                + "Annotations:  note: hello\n"
                + "Selector:     app=kubia,tier=web\n");
  }

  /** kubectl describe_test.go's TestPrintLabelsMultiline, which writes without a tab writer. */
  @Test
  void annotationsAreSortedAndLongOrMultilineValuesGoUnderTheirKey() {
    String key = "MaxLenAnnotation";
    String value = "a".repeat(PrefixWriter.MAX_ANNOTATION_LEN - key.length() - 2);

    assertThat(annotations(Map.of("col1", "asd", "COL2", "zxc")))
        .isEqualTo("Annotations:\tCOL2: zxc\n\tcol1: asd\n");
    assertThat(annotations(Map.of(key, value)))
        .isEqualTo("Annotations:\t" + key + ": " + value + "\n");
    assertThat(annotations(Map.of(key, value + "1")))
        .isEqualTo("Annotations:\t" + key + ":\n\t  " + value + "1\n");
    assertThat(annotations(Map.of(key, value + value)))
        .isEqualTo(
            "Annotations:\t" + key + ":\n\t  "
                + "a".repeat(PrefixWriter.MAX_ANNOTATION_LEN - 2) + "...\n");
    assertThat(annotations(Map.of("key", "value\nwith\nnewlines\n")))
        .isEqualTo("Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n");
    assertThat(annotations(Map.of())).isEqualTo("Annotations:\t<none>\n");
  }

  @Test
  void lastAppliedConfigurationAnnotationIsNeverShown() {
    assertThat(annotations(Map.of(PrefixWriter.LAST_APPLIED_CONFIG_ANNOTATION, "{\"a\":1}")))
        .isEqualTo("Annotations:\t<none>\n");
    assertThat(
            annotations(
                Map.of(PrefixWriter.LAST_APPLIED_CONFIG_ANNOTATION, "{}", "deployment.kubernetes"
                    + ".io/revision", "1")))
        .isEqualTo("Annotations:\tdeployment.kubernetes.io/revision: 1\n");
  }

  @Test
  void labelsCanSkipKeysAndUseCustomIndents() {
    StringBuilder sb = new StringBuilder();
    PrefixWriter.of(sb)
        .printLabelsMultilineWithIndent(
            "  ", "Labels", "\t", Map.of("a", "1", "b", "2", "c", "3"), Set.of("b"));
    assertThat(sb).hasToString("  Labels:\ta=1\n  \tc=3\n");

    StringBuilder none = new StringBuilder();
    PrefixWriter.of(none)
        .printLabelsMultilineWithIndent("", "Labels", "\t", Map.of("b", "2"), Set.of("b"));
    assertThat(none).hasToString("Labels:\t<none>\n");
  }

  @Test
  void levelsIndentByTwoSpacesAndNestedWritersAddTheirOwn() {
    StringBuilder sb = new StringBuilder();
    PrefixWriter w = PrefixWriter.of(sb);
    w.write(LEVEL_0, "a\n");
    w.write(LEVEL_1, "b\n");
    w.write(PrefixWriter.LEVEL_4, "c\n");
    PrefixWriter nested = w.nested(1);
    nested.write(LEVEL_1, "Port:\t%d/%s\n", 8080, "TCP");
    nested.writeLine("x", 1, true, null);
    w.writeLine("y");

    assertThat(sb).hasToString("a\n  b\n        c\n    Port:\t8080/TCP\n  x 1 true <nil>\ny\n");
  }

  @Test
  void writtenTextIsEscapedForTheTerminal() {
    StringBuilder sb = new StringBuilder();
    PrefixWriter.of(sb).write(LEVEL_0, "Message:\t%s\n", "a\u001b[31mb\rc");
    assertThat(sb).hasToString("Message:\ta^[[31mb\\rc\n");
  }

  @Test
  void formatsFollowGoVerbs() {
    StringBuilder sb = new StringBuilder();
    PrefixWriter w = PrefixWriter.of(sb);
    w.write(LEVEL_0, "%s %v %d %% %v\n", "s", 1.5, 42L, null);
    assertThat(sb).hasToString("s 1.5 42 % <nil>\n");
    assertThatThrownBy(() -> w.write(LEVEL_0, "%q", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.write(LEVEL_0, "%s %s", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.write(LEVEL_0, "%s", "x", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flushSeparatesBlocksThatWouldOtherwiseAlign() {
    Describer describer = new Describer();
    PrefixWriter w = describer.writer();
    w.write(LEVEL_0, "Name:\tkubia\n");
    w.flush();
    w.write(LEVEL_0, "Events:\t<none>\n");
    assertThat(describer.render()).isEqualTo("Name:  kubia\nEvents:  <none>\n");
    // rendering again returns the same text, with anything written since appended
    w.write(LEVEL_0, "More:\tx\n");
    assertThat(describer.render()).isEqualTo("Name:  kubia\nEvents:  <none>\nMore:  x\n");
  }

  private static String annotations(Map<String, String> annotations) {
    StringBuilder sb = new StringBuilder();
    PrefixWriter.of(sb).printAnnotationsMultiline("Annotations", annotations);
    return sb.toString();
  }
}
