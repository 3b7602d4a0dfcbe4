// Parse Mermaid files with Mermaid's own parser (the one GitLab and GitHub run in the browser).
// Usage: MERMAID_NODE_MODULES=/path/to/node_modules node test_diagrams_mermaid_parse.mjs FILE...
// Prints "OK <file>" or "ERR <file>: <message>" per file; exit code 1 when any failed.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const modules = process.env.MERMAID_NODE_MODULES;
const require = createRequire(path.join(modules, 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const entry = path.join(modules, 'mermaid', 'dist', 'mermaid.core.mjs');
const { default: mermaid } = await import(pathToFileURL(entry).href);
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`OK ${file} ${result.diagramType}`);
  } catch (error) {
    failed += 1;
    console.log(`ERR ${file}: ${String(error.message || error).split('\n').slice(0, 4).join(' | ')}`);
  }
}
process.exit(failed ? 1 : 0);
