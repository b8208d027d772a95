package org.moho.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moho commands: exact exit codes, help and messages. */
class CliTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result moho(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Moho.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void bareCommandAndHelpShowTheCommandsAndExitCodes() {
    Result bare = moho();
    assertEquals(0, bare.code());
    for (String c : new String[] {"run", "validate", "explain", "stages"}) assertTrue(bare.out().contains(c), bare.out());
    Result help = moho("run", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--runner") && help.out().contains("Exit codes:") && help.out().contains("3"), help.out());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Result r = moho("frobnicate");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("Unmatched argument") || r.err().contains("Unknown"), r.err());
  }

  @Test
  void validateReportsEveryProblemWithItsLocationAndExitsThree() throws Exception {
    Path spec = tmp.resolve("bad.yaml");
    Files.writeString(spec, """
        pipeline: {name: bad}
        stages:
          - id: rows
            use: table.raed
            with: {path: x.csv}
          - id: keep
            use: table.select
            from: rowz
            with: {wher: "T > 3"}
        """);
    Result r = moho("validate", spec.toString());
    assertEquals(ExitCodes.INVALID_SPEC, r.code());
    assertTrue(r.err().contains("bad.yaml:4:10: error: unknown stage type 'table.raed'; nearest: table.read"), r.err());
    assertTrue(r.err().contains("bad.yaml:8:11: error: 'from' names unknown stage 'rowz' (did you mean 'rows'?)"), r.err());
    assertTrue(r.err().contains("bad.yaml:9:12: error: stage 'keep' (table.select): unknown key 'wher' (did you mean 'where'?)"), r.err());
    assertTrue(r.err().contains("3 errors in"), r.err());
  }

  @Test
  void aBadConditionIsReportedAtItsKey() throws Exception {
    Path spec = tmp.resolve("cond.yaml");
    Files.writeString(spec, """
        pipeline: {name: cond}
        stages:
          - {id: rows, use: table.read, with: {path: x.csv}}
          - id: keep
            use: table.select
            from: rows
            with: {where: "T >> 3"}
        """);
    Result r = moho("validate", spec.toString());
    assertEquals(ExitCodes.INVALID_SPEC, r.code());
    assertTrue(r.err().contains("cond.yaml:7:19: error: stage 'keep' (table.select): 'where' is not a valid condition: at column 4: expected a column, a number or quoted text, got '>'"), r.err());
  }

  @Test
  void paramsAreTypeCheckedOnTheCommandLine() throws Exception {
    Path spec = tmp.resolve("p.yaml");
    Files.writeString(spec, """
        pipeline: {name: p}
        params:
          limit: {type: float, default: 1000}
        stages:
          - {id: rows, use: table.read, with: {path: x.csv}}
          - {id: keep, use: table.select, from: rows, with: {where: "T > ${limit}"}}
        """);
    assertEquals(0, moho("validate", spec.toString(), "-p", "limit=1500").code());
    Result r = moho("validate", spec.toString(), "-p", "limit=hot");
    assertEquals(ExitCodes.INVALID_SPEC, r.code());
    assertTrue(r.err().contains("-p limit=hot: error: param 'limit' is float: 'hot' is not a number"), r.err());
  }

  @Test
  void stagesListsDescribesAndSuggests() {
    Result list = moho("stages");
    assertEquals(0, list.code());
    assertTrue(list.out().contains("table.read") && list.out().contains("table.select") && list.out().contains("table.write"));
    Result one = moho("stages", "table.select");
    assertEquals(0, one.code());
    assertTrue(one.out().contains("where") && one.out().contains("keep") && one.out().contains("rename"), one.out());
    Result unknown = moho("stages", "table.selct");
    assertEquals(ExitCodes.USAGE, unknown.code());
    assertTrue(unknown.err().contains("did you mean 'table.select'"), unknown.err());
  }

  @Test
  void dataflowWithoutItsSettingsFailsFastAndClearly() throws Exception {
    Path spec = tmp.resolve("d.yaml");
    Files.writeString(spec, """
        pipeline: {name: d}
        stages:
          - {id: rows, use: table.read, with: {path: x.csv}}
        """);
    Result r = moho("run", spec.toString(), "--runner", "dataflow", "--out", tmp.resolve("o").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("the Dataflow runner needs --project --region --temp-location"), r.err());
  }

  @Test
  void explainRendersTextDotAndMermaid() throws Exception {
    Path spec = tmp.resolve("e.yaml");
    Files.writeString(spec, """
        pipeline: {name: e, description: explained}
        stages:
          - {id: rows, use: table.read, with: {path: x.csv}}
          - {id: keep, use: table.select, from: rows, with: {where: "T > 3"}}
          - {id: bad, use: errors.rows, from: rows.errors}
        """);
    Result text = moho("explain", spec.toString());
    assertEquals(0, text.code());
    assertTrue(text.out().contains("keep: table.select -> Row  from rows"), text.out());
    assertTrue(text.out().contains("where: T > 3"), text.out());
    Result dot = moho("explain", spec.toString(), "--format", "dot");
    assertTrue(dot.out().contains("\"rows\" -> \"keep\";") && dot.out().contains("\"rows\" -> \"bad\" [label=\"errors\""), dot.out());
    Result mermaid = moho("explain", spec.toString(), "--format", "mermaid");
    assertTrue(mermaid.out().startsWith("flowchart LR") && mermaid.out().contains("rows -. errors .-> bad"), mermaid.out());
  }
}
