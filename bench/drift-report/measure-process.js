// `node measure-process.js <script> [args…]` runs <script> in this process as if started with
// `node <script> [args…]`, and at exit prints `CHILD {"code","cpuSeconds","peakRssMb"}` as the last
// line of stdout: the CPU time of every thread (the drift report reads the current file on a worker)
// and the peak RSS of the process. Plain JavaScript, so measuring adds no compile step of its own.
'use strict';
const { writeSync } = require('node:fs');
const { resolve } = require('node:path');

const script = resolve(process.argv[2]);
process.argv.splice(1, 2, script);
process.on('exit', (code) => {
  const usage = process.resourceUsage();
  const figures = { code, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024 };
  writeSync(1, `\nCHILD ${JSON.stringify(figures)}\n`);
});
require(script);
