// The extension in VS Code for the Web (vscode.dev, github.dev, code-server's web-worker extension host): the
// language server (dist/browser-server.js, the same server as on the desktop) runs in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivate } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateWith(context, {
    web: true,
    newClient(ctx, options) {
      const main = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'browser-server.js');
      // the extension host of VS Code for the Web is itself a worker: Worker is there (no DOM lib in tsconfig)
      const WorkerCtor = (globalThis as unknown as { Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3] }).Worker;
      const worker = new WorkerCtor(main.toString(true));
      return new LanguageClient('reportLint', 'report-lint', options, worker);
    },
  });
}

export { deactivate };
