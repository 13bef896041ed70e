// Mocha reporter: the spec reporter, plus each skipped test's reason and a last line "N passed, N failed, N skipped".
"use strict";

const Mocha = require("mocha");

const { Spec, Base } = Mocha.reporters;
const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PENDING } = Mocha.Runner.constants;

/// The property requires.ts stores skip reasons under, on a test or on the suite a hook skipped.
const SKIP_REASON = "skipReason";

/// The reason recorded for a skipped test, looked up on the test and then on its enclosing suites.
function skipReason(test) {
  for (let node = test; node; node = node.parent) {
    if (typeof node[SKIP_REASON] === "string") return node[SKIP_REASON];
  }
  return undefined;
}

class SummaryReporter extends Spec {
  static description = "spec, skip reasons and a one-line summary";

  constructor(runner, options) {
    super(runner, options);
    let depth = 0;
    runner.on(EVENT_SUITE_BEGIN, () => depth++);
    runner.on(EVENT_SUITE_END, () => depth--);
    runner.on(EVENT_TEST_PENDING, (test) => {
      const reason = skipReason(test);
      if (reason !== undefined) Base.consoleLog(Base.color("pending", "%s    %s"), "  ".repeat(Math.max(0, depth - 1)), reason);
    });
  }

  /// Spec's epilogue, then the summary as the very last line. Failed counts include failed hooks; pending tests are skipped.
  epilogue() {
    super.epilogue();
    const { passes = 0, failures = 0, pending = 0 } = this.stats;
    Base.consoleLog(`${passes} passed, ${failures} failed, ${pending} skipped`);
  }
}

module.exports = SummaryReporter;
