// The language server in Node: transport from argv, --node-ipc (VS Code) or --stdio (other editors); config files,
// Word documents and the workspace walk from disk. The server itself is server/server.ts.
import {
  createConnection,
  ProposedFeatures,
  MessageType,
  IPCMessageReader,
  IPCMessageWriter,
  type Connection,
  type Message,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_MAX_SIZE } from '../rules/config';
import { lint } from '../rules/engine';
import { allRules } from '../rules/all-rules';
import { findConfigFile, loadConfig, termFileStamp } from '../node/config-files';
import { readDocx, readReportFile } from '../node/files';
import { docxLocator } from '../node/docx/locate';
import { reviewDocx, writeReviewedCopy } from '../node/docx/review';
import { collectFiles, DEFAULT_EXTENSIONS } from '../cli/collect';
import type { CheckDocxResult } from './protocol';
import type { ServerHost } from './host';
import { clientConfigs } from './client-config';
import { startServer } from './server';
import { FramedMessageReader, FramedMessageWriter, InitializeGuard } from './transport';
import { idleYoungCollector } from './idle-gc';

let shutdownReceived = false;
/** Until the connection is initialized, problems in the byte stream go to stderr only. */
let connected = false;
let connection: Connection;
/** The stdio writer, when the server speaks over stdio: the warm-up rehearses its encoding. */
let framedWriter: FramedMessageWriter | undefined;

const errText = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

function log(type: MessageType, message: string): void {
  try {
    void connection.sendNotification('window/logMessage', { type, message });
  } catch {
    // the connection is gone; nothing left to tell
  }
}

/**
 * Over stdio and node-ipc the server reads through its own reader (server/transport.ts): bounded, resynchronising,
 * answering unreadable messages and requests before `initialize`. Other transports use vscode-languageserver's.
 */
function makeConnection(): Connection {
  const argv = process.argv.slice(2);
  const stdio = argv.includes('--stdio');
  const ipc = argv.includes('--node-ipc');
  if (!stdio && !ipc) return createConnection(ProposedFeatures.all);
  if (stdio) framedWriter = new FramedMessageWriter(process.stdout);
  const writer: MessageWriter = framedWriter ?? new IPCMessageWriter(process);
  const reply = (m: Message) => void writer.write(m).catch(() => undefined);
  const problem = (message: string) => {
    const text = `report-lint: ${message}`;
    process.stderr.write(text + '\n');
    if (connected) log(MessageType.Error, text);
  };
  const inner = stdio ? new FramedMessageReader(process.stdin, problem, reply) : new IPCMessageReader(process);
  const c = createConnection(ProposedFeatures.all, new InitializeGuard(inner, reply), writer);
  if (stdio) {
    // what vscode-languageserver does for its own stdio transport: the client went away, so does the server
    const gone = () => process.exit(shutdownReceived ? 0 : 1);
    process.stdin.on('end', gone);
    process.stdin.on('close', gone);
  }
  return c;
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  return fileURLToPath(uri);
}

/** The term files each config file named when it was last read (absolute paths). */
const termFilesOf = new Map<string, string[]>();

/** Documents that are not files (a virtual workspace): their config comes from the client, if it offers it. */
const virtualConfigs = clientConfigs(() => connection);
let clientReadsConfigs = false;

const nodeHost: ServerHost = {
  filePathOf,
  /** The nearest `.reportlintrc.json` up the tree, found as the CLI finds it. */
  findConfig(uri) {
    const path = filePathOf(uri);
    if (!path) return clientReadsConfigs && !uri.startsWith('untitled:') ? virtualConfigs.find(uri) : undefined;
    let file: string | undefined;
    try {
      file = findConfigFile(dirname(path));
    } catch {
      file = undefined;
    }
    if (!file) return undefined;
    let own: string;
    try {
      const st = statSync(file);
      own = `${file}|${st.mtimeMs}|${st.size}`;
    } catch {
      return 'gone';
    }
    const f = file;
    // the term files it named when last read are part of its identity: a changed term file is read again
    const stamp = own + (termFilesOf.get(f) ?? []).map((path) => `|${termFileStamp(path)}`).join('');
    return {
      file: f,
      stamp,
      load: () => {
        const r = loadConfig(f, allRules);
        const paths = r.termFiles.map((t) => t.path);
        termFilesOf.set(f, paths);
        return { config: r.config, problems: r.problems, stamp: own + r.termFiles.map((t) => `|${t.stamp}`).join(''), watch: paths };
      },
      content: () => readFileSync(f, 'utf8'),
    };
  },
  configFilesChanged: () => virtualConfigs.clear(),
  /** file: URI of docs/rules/<id>.md shipped next to dist/ (the .vsix and the npm package carry them). */
  bundledDocHref(ruleId) {
    const file = join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`);
    return existsSync(file) ? pathToFileURL(file).href : undefined;
  },
  async checkDocx(uri, path, trackChanges, ctx): Promise<CheckDocxResult> {
    const { lang } = ctx;
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (e) {
      return { skipped: lang === 'en' ? `cannot read it: ${errText(e)}` : `无法读取：${errText(e)}` };
    }
    const read = await readDocx(buf);
    if (read.skipped !== undefined || !read.docx) return { skipped: read.skipped ?? 'not a .docx' };
    const result = lint(read.text, { filename: path, format: 'text', config: ctx.config, rules: ctx.rules });
    if (result.skipped) return { skipped: result.skipped };
    const doc = TextDocument.create(`${uri}.txt`, 'plaintext', 1, read.text);
    const at = docxLocator(read.docx, lang);
    const diagnostics = result.findings.map((f) => {
      const d = ctx.diagnostic(doc, f);
      const where = at(f.offset, f.endOffset);
      if (where) d.message = lang === 'en' ? `${where.location}: ${d.message}` : `${where.location}：${d.message}`;
      return d;
    });
    const out: CheckDocxResult = { text: read.text, diagnostics };
    try {
      const r = await reviewDocx(buf, result.findings, { lang, trackChanges });
      out.reviewed = writeReviewedCopy(path, r.data);
      out.comments = r.comments;
      out.revisions = r.revisions;
    } catch (e) {
      out.reviewError = errText(e);
    }
    return out;
  },
  workspace: {
    list: (dir, lang) => collectFiles(['.'], { cwd: dir, extensions: DEFAULT_EXTENSIONS, useIgnoreFiles: true, lang }).files,
    async read(abs, lang) {
      const read = await readReportFile(abs, { maxBytes: DEFAULT_MAX_SIZE * 4, lang });
      if (read.skipped !== undefined) return { skipped: read.skipped };
      return { text: read.text, docx: read.encoding === 'docx' };
    },
    uriOf: (abs) => pathToFileURL(abs).href,
  },
  onShutdown: () => {
    shutdownReceived = true;
  },
  onInitialize: (init) => {
    connected = true;
    clientReadsConfigs = !!init?.findConfig;
  },
  onIdle: idleYoungCollector(),
  rehearseSend: (msg) => framedWriter?.rehearse(msg),
};

connection = makeConnection();

// Last line of defence: log and keep serving rather than die on a bug in a callback.
process.on('uncaughtException', (e) => log(MessageType.Error, `report-lint: uncaught exception: ${errText(e)}`));
process.on('unhandledRejection', (e) => log(MessageType.Error, `report-lint: unhandled rejection: ${errText(e)}`));

startServer(connection, nodeHost);
