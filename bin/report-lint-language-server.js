#!/usr/bin/env node
// report-lint language server for any LSP client (Neovim, Helix, Emacs …). Speaks LSP over stdio unless a
// transport (--node-ipc, --socket=PORT, --pipe=NAME) is given.
'use strict';
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  console.log(require('../package.json').version);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: report-lint-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nThe default is --stdio.');
  process.exit(0);
}
const transports = ['--stdio', '--node-ipc'];
if (!args.some((a) => transports.includes(a) || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
require('../dist/server.js');
