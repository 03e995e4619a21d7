package dev.kubesim.impl.kubectl.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void tableSeparatesColumnsByThreeSpacesAndLeavesLastColumnUnpadded() {
    Table table =
        Table.withHeaders("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE")
            .addRow("kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP", "5m")
            .addRow("kubia", "ClusterIP", "10.96.12.7", "<none>", "80/TCP", "2m");

    assertThat(table.render())
        .isEqualTo(
            "NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n"
                + "kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m\n"
                + "kubia        ClusterIP   10.96.12.7   <none>        80/TCP    2m\n");
  }

  /** cli-runtime tableprinter_test.go: TestPrintTable_ColumnPriority / _ColumnHeaders. */
  @Test
  void narrowColumnsArePaddedToTheMinimumWidthOfSix() {
    Table table =
        Table.withHeaders("Name", "Ready", "Status", "Retries", "Age")
            .addRow("test1", "1/1", "podPhase", "5", "20h")
            .addRow("test2", "1/2", "podPhase", "30", "21h")
            .addRow("test3", "4/4", "podPhase", "1", "22h");

    assertThat(table.render())
        .isEqualTo(
            "NAME    READY   STATUS     RETRIES   AGE\n"
                + "test1   1/1     podPhase   5         20h\n"
                + "test2   1/2     podPhase   30        21h\n"
                + "test3   4/4     podPhase   1         22h\n");
    assertThat(table.renderWithoutHeaders())
        .isEqualTo(
            "test1   1/1   podPhase   5     20h\n"
                + "test2   1/2   podPhase   30    21h\n"
                + "test3   4/4   podPhase   1     22h\n");
  }

  @Test
  void headersAreUpperCasedAsKubectlDoes() {
    assertThat(Table.withHeaders("Namespace", "Name").addRow("test-namespace", "test1").render())
        .isEqualTo("NAMESPACE        NAME\n" + "test-namespace   test1\n");
  }

  @Test
  void tableWithoutRowsPrintsNothingNotEvenHeaders() {
    Table table = Table.withHeaders("NAME", "AGE");
    assertThat(table.render()).isEmpty();
    assertThat(table.renderWithoutHeaders()).isEmpty();
  }

  @Test
  void emptyLastCellLeavesThePaddingOfTheCellBeforeIt() {
    // the second cell is tab-terminated, so it is padded even though nothing follows
    assertThat(Table.withHeaders("NAME", "NOMINATED NODE", "LABELS").addRow("a", "", "").render())
        .isEqualTo("NAME   NOMINATED NODE   LABELS\n" + "a                       \n");
  }

  @Test
  void cellsAreCutAtLineBreaksAndTerminalEscapesAreNeutralised() {
    assertThat(
            Table.withHeaders("NAME", "MESSAGE")
                .addRow("a", "first line\nsecond line")
                .addRow("b", "red \u001b[31m text")
                .renderWithoutHeaders())
        .isEqualTo("a     first line...\n" + "b     red ^[[31m text\n");
  }

  @Test
  void nullCellsPrintEmptyAndExtraCellsAreDropped() {
    assertThat(Table.withHeaders("NAME", "AGE").addRow("x", null).addRow("y", "1m", "extra").render())
        .isEqualTo("NAME   AGE\n" + "x      \n" + "y      1m\n");
  }

  @Test
  void rowsAfterEveryHundredAreFlushedButStayAlignedWithEarlierRows() {
    Table table = Table.withHeaders("NAME", "AGE");
    for (int i = 0; i < Table.FLUSH_INTERVAL; i++) {
      table.addRow("p" + i, "1m");
    }
    table.addRow("a-much-longer-pod-name", "2m");

    String[] lines = table.render().split("\n");
    // the first block was flushed before the long name arrived: it keeps the narrow width
    assertThat(lines[1]).isEqualTo("p0     1m");
    assertThat(lines[Table.FLUSH_INTERVAL + 1]).isEqualTo("a-much-longer-pod-name   2m");
  }
}
