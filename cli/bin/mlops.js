#!/usr/bin/env node
// Runs the compiled CLI (`npm run build:cli`, into dist/cli) when it is current (see built-cli.js),
// otherwise the TypeScript sources through SWC, resolving the workspace's @mlops/* path aliases
// from the root tsconfig. Same behaviour either way: the build only saves start-up time (compiling
// the sources at every run costs ~0.5 s of CPU). MLOPS_CLI_FROM_SOURCE=1 forces the sources.
'use strict';
const path = require('node:path');
const { builtIsCurrent } = require('./built-cli');

const ROOT = path.join(__dirname, '..', '..');
const BUILT_MAIN = path.join(ROOT, 'dist', 'cli', 'cli', 'src', 'main.js');
const SOURCES = ['cli/src', 'libs', 'package.json', 'tsconfig.base.json'].map((p) => path.join(ROOT, p));

if (process.env.MLOPS_CLI_FROM_SOURCE !== '1' && builtIsCurrent(BUILT_MAIN, SOURCES)) {
  require(BUILT_MAIN);
} else {
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(ROOT, 'tsconfig.json');
  require('@swc-node/register');
  require('../src/main.ts');
}
