// The language server in a web worker (VS Code for the Web): the same server (server/server.ts) over the worker's
// messages. A worker has no file system: `.reportlintrc.json` comes from the client (FindConfigRequest), which
// reads it through `workspace.fs`; Word documents and the workspace walk are not available.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import type { ServerHost } from './host';
import { clientConfigs } from './client-config';
import { startServer } from './server';

// the worker's global scope (tsconfig has no WebWorker lib: the rest of the code is not worker code)
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const configs = clientConfigs(() => connection);

const browserHost: ServerHost = {
  filePathOf: () => undefined,
  findConfig: (uri) => configs.find(uri),
  configFilesChanged: () => configs.clear(),
};

startServer(connection, browserHost);
