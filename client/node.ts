// The extension in desktop VS Code: the language server (dist/server.js) runs in a Node process over IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivate } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateWith(context, {
    web: false,
    newClient(ctx, options) {
      const module = ctx.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      return new LanguageClient('reportLint', 'report-lint', serverOptions, options);
    },
  });
}

export { deactivate };
