#!/usr/bin/env node
'use strict';
try {
  require.resolve('../dist/cli.js');
} catch {
  process.stderr.write('report-lint: dist/cli.js is missing; build it first with `npm run build` (or `npm start`).\n');
  process.exit(2);
}
require('../dist/cli.js');
