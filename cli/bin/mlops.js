#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through SWC (no build step), resolving the
// workspace's @mlops/* path aliases from the root tsconfig.
'use strict';
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', '..', 'tsconfig.json');
require('@swc-node/register');
require('../src/main.ts');
