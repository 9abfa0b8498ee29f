// Entry of the worker thread that reads the current file (see current-read.worker.ts): the
// worker compiles the TypeScript sources through SWC like the CLI's own bin/mlops.js does.
'use strict';
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', '..', '..', '..', 'tsconfig.json');
require('@swc-node/register');
require('./current-read.worker.ts');
