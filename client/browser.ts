// The extension in VS Code for the Web (vscode.dev, github.dev, code-server's web-worker extension host): the
// language server (dist/browser-server.js, the same server as on the desktop) runs in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivate } from './extension';

// The extension host of VS Code for the Web is itself a worker: these are there (tsconfig has no DOM lib).
type WorkerLike = ConstructorParameters<typeof LanguageClient>[3];
const web = globalThis as unknown as {
  Worker: new (url: string) => WorkerLike;
  Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
};

/**
 * The server's worker. From an http(s) extension location (vscode.dev, github.dev) the script's URL is loaded as it
 * is. An extension installed on a remote (code-server) has a vscode-remote: location, from which VS Code does not
 * create workers ("Creating workers from remote extensions is currently not supported"): the script is read through
 * workspace.fs and started from a blob: URL of the same origin.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<WorkerLike> {
  const main = vscode.Uri.joinPath(extensionUri, 'dist', 'browser-server.js');
  if (main.scheme !== 'vscode-remote') return new web.Worker(main.toString(true));
  const script = await vscode.workspace.fs.readFile(main);
  return new web.Worker(web.URL.createObjectURL(new web.Blob([script], { type: 'application/javascript' })));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateWith(context, {
    web: true,
    async newClient(ctx, options) {
      return new LanguageClient('reportLint', 'report-lint', options, await serverWorker(ctx.extensionUri));
    },
  });
}

export { deactivate };
