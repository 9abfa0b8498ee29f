// Whether the compiled CLI (`npm run build:cli`) may run instead of the TypeScript sources: it
// must exist and be at least as new as every source file it was compiled from. A source edited,
// checked out or pulled after the build makes the bin fall back to the sources, never to stale code.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** True when some file under `entry` (a file or a folder) was modified after `sinceMs`. */
function modifiedAfter(entry, sinceMs) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (stat === undefined) return false;
  if (!stat.isDirectory()) return stat.mtimeMs > sinceMs;
  return fs.readdirSync(entry).some((name) => name !== 'node_modules' && modifiedAfter(path.join(entry, name), sinceMs));
}

/** `builtMain` exists and no file under `sources` (files or folders) is newer. */
function builtIsCurrent(builtMain, sources) {
  const built = fs.statSync(builtMain, { throwIfNoEntry: false });
  return built !== undefined && !sources.some((source) => modifiedAfter(source, built.mtimeMs));
}

module.exports = { builtIsCurrent };
