#!/usr/bin/env node
// Parses Bicep files with the tree-sitter-bicep grammar and reports every syntax error.
//
// This check is independent of the Bicep CLI: it needs only Node.js and the grammar's WebAssembly build, so CI
// can run it on every emitted .bicep file. It checks syntax only. Types, names and API versions are the
// Bicep CLI's job.
//
// Usage: node check-bicep.mjs [--exclude-dir NAME]... FILE_OR_FOLDER...
// Exit codes: 0 when every file parses, 1 when any file has a syntax error, 2 on a usage error.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import Parser from 'web-tree-sitter';

const USAGE = `Usage: node check-bicep.mjs [--exclude-dir NAME]... FILE_OR_FOLDER...

Parses every .bicep file (folders are searched recursively) and prints each syntax error as
file:line:col with the source line. Folders named node_modules or .git are always skipped.
.bicepparam files are not checked, because the grammar does not parse their param assignments.

  --exclude-dir NAME  also skip folders named NAME below the given folders (may be repeated)
  -h, --help          print this help

Exit codes: 0 all files parse, 1 a file has a syntax error, 2 usage error.`;

// tree-sitter-bicep 1.1.0 parses the `using` line of a .bicepparam file but not its `param name = value`
// assignments, so only .bicep files are checked.
const EXTENSION = '.bicep';

function usageError(message) {
  console.error(`check-bicep: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArguments(args) {
  const excluded = new Set(['node_modules', '.git']);
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--exclude-dir') {
      if (i + 1 >= args.length) {
        usageError('--exclude-dir needs a folder name');
      }
      excluded.add(args[++i]);
    } else if (arg.startsWith('-')) {
      usageError(`unknown option ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    usageError('no file or folder given');
  }
  return { excluded, paths };
}

function isBicepFile(name) {
  return name.endsWith(EXTENSION);
}

// Lists the Bicep files of a path in a stable order. A folder given on the command line is searched even
// when its own name is excluded, so a test can point at a folder named "invalid" directly.
function collectFiles(path, excluded, files) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    usageError(`file or folder not found: ${path}`);
  }
  if (stats.isFile()) {
    if (!isBicepFile(path)) {
      usageError(`not a ${EXTENSION} file: ${path}`);
    }
    files.push(path);
    return;
  }
  const walk = (folder) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = join(folder, entry.name);
      if (entry.isDirectory() && !excluded.has(entry.name)) {
        walk(child);
      } else if (entry.isFile() && isBicepFile(entry.name)) {
        files.push(child);
      }
    }
  };
  walk(path);
}

// Returns the outermost ERROR nodes and every MISSING node; the children of an ERROR node add only noise.
function syntaxErrors(root) {
  const errors = [];
  const visit = (node) => {
    if (node.isMissing) {
      errors.push({ node, description: `missing ${node.type}` });
      return;
    }
    if (node.type === 'ERROR') {
      const text = node.text.split('\n')[0].slice(0, 40);
      errors.push({ node, description: `syntax error at ${JSON.stringify(text)}` });
      return;
    }
    if (!node.hasError) {
      return;
    }
    for (const child of node.children) {
      visit(child);
    }
  };
  visit(root);
  return errors;
}

function printError(file, source, { node, description }) {
  const { row, column } = node.startPosition;
  const line = source.split(/\r?\n/)[row] ?? '';
  console.log(`${file}:${row + 1}:${column + 1}: ${description}`);
  console.log(`    ${line}`);
  console.log(`    ${' '.repeat(column)}^`);
}

async function main() {
  const { excluded, paths } = parseArguments(process.argv.slice(2));
  const files = [];
  for (const path of paths) {
    collectFiles(path, excluded, files);
  }
  if (files.length === 0) {
    usageError(`no ${EXTENSION} files found in ${paths.join(', ')}`);
  }

  await Parser.init();
  const require = createRequire(import.meta.url);
  const language = await Parser.Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);

  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const tree = parser.parse(source);
    const errors = syntaxErrors(tree.rootNode);
    const fromHere = relative(process.cwd(), file);
    const displayPath = fromHere && !fromHere.startsWith('..') ? fromHere : file;
    if (errors.length === 0) {
      passed++;
    } else {
      failed++;
      errors.forEach((error) => printError(displayPath, source, error));
    }
    tree.delete();
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
