// The VS Code extension manifest (package.json "contributes" and friends) against what the client and the server
// actually implement, the nls strings in both languages, and what `vsce` would put in the .vsix.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientCommands, FixAllCodeActionKind } from '../../server/protocol';
import { DEFAULT_DOCS_BASE_URL, defaultSettings } from '../../server/settings';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (f: string) => JSON.parse(readFileSync(join(root, f), 'utf8'));
const pkg = read('package.json');
const nlsEn: Record<string, string> = read('package.nls.json');
const nlsZh: Record<string, string> = read('package.nls.zh-cn.json');

/** Every "%key%" string anywhere in the manifest. */
function nlsKeys(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.push(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

describe('extension manifest', () => {
  it('has what vsce and VS Code 1.100 need, so packaging never prompts', () => {
    expect(pkg.publisher).toMatch(/\S/);
    expect(pkg.repository?.url ?? pkg.repository).toMatch(/\S/);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
    expect(pkg.engines.vscode).toBe('^1.100.0');
    expect(pkg.main).toBe('./dist/client.js');
    // VS Code for the Web: the extension and its server in web workers (dist/browser-*.js)
    expect(pkg.browser).toBe('./dist/browser-client.js');
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe('limited');
    expect(pkg.activationEvents).toEqual(
      expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/.reportlintrc.json']),
    );
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.contributes.jsonValidation).toEqual([{ fileMatch: '.reportlintrc.json', url: './schemas/reportlintrc.schema.json' }]);
    expect(pkg.scripts.package).toMatch(/vsce package --no-dependencies/);
  });

  it('localizes every %key% in English and Chinese, with no unused strings', () => {
    const keys = [...new Set(nlsKeys(pkg))].sort();
    expect(keys.length).toBeGreaterThan(10);
    expect(Object.keys(nlsEn).sort()).toEqual(keys);
    expect(Object.keys(nlsZh).sort()).toEqual(keys);
    for (const k of keys) {
      expect(nlsEn[k], k).toMatch(/\S/);
      expect(nlsZh[k], k).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('contributes exactly the commands the client registers', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string; category: string }) => {
      expect(c.category).toBe('report-lint');
      return c.command;
    });
    expect(contributed.sort()).toEqual(Object.values(ClientCommands).sort());
    const client = readFileSync(join(root, 'client', 'extension.ts'), 'utf8');
    for (const key of Object.keys(ClientCommands)) expect(client).toContain(`registerCommand(ClientCommands.${key},`);
    expect(FixAllCodeActionKind).toBe('source.fixAll.report-lint');
  });

  it('declares the settings the server reads, with the server defaults', () => {
    const props: Record<string, { default: unknown }> = pkg.contributes.configuration.properties;
    const clientOnly = ['additionalLanguages', 'additionalFileGlobs', 'trace.server'];
    const serverKeys = Object.keys(props)
      .map((k) => k.replace(/^reportLint\./, ''))
      .filter((k) => !clientOnly.includes(k));
    const defaults = defaultSettings() as unknown as Record<string, unknown>;
    expect(serverKeys.sort()).toEqual([...Object.keys(defaults), 'year'].sort());
    for (const [key, value] of Object.entries(defaults)) expect(props[`reportLint.${key}`].default, key).toEqual(value);
    expect(props['reportLint.year'].default).toBeNull();
    // empty: rule links open the bundled docs, never a site that may not exist (issue 15)
    expect(DEFAULT_DOCS_BASE_URL).toBe('');
    expect(JSON.stringify(pkg)).not.toContain('example.invalid/report-lint/blob');
  });

  it('wraps long paragraphs of Markdown and plain-text reports by default', () => {
    const defaults = pkg.contributes.configurationDefaults;
    expect(defaults['[markdown]']['editor.wordWrap']).toBe('on');
    expect(defaults['[plaintext]']['editor.wordWrap']).toBe('on');
  });

  it('binds next/previous placeholder to chords VS Code 1.100 leaves free', () => {
    const kb: { command: string; key: string; when?: string }[] = pkg.contributes.keybindings;
    expect(kb.find((k) => k.command === ClientCommands.nextPlaceholder)?.key).toBe('ctrl+f8');
    expect(kb.find((k) => k.command === ClientCommands.previousPlaceholder)?.key).toBe('ctrl+shift+f8');
    // VS Code's own: F8/Shift+F8 (next/previous problem in files), Alt+F8/Shift+Alt+F8 (in the file), Alt+F9 (comments)
    const taken = ['f8', 'shift+f8', 'alt+f8', 'shift+alt+f8', 'alt+f9', 'shift+alt+f9', 'alt+f10', 'f9', 'f12'];
    for (const k of kb) expect(taken, k.key).not.toContain(k.key);
  });

  it('has a proofreading overview in its own side bar, with "check the whole workspace" on it', () => {
    expect(pkg.contributes.viewsContainers.activitybar[0]).toMatchObject({ id: 'report-lint', icon: 'resources/report-lint.svg' });
    expect(pkg.contributes.views['report-lint'].map((v: { id: string }) => v.id)).toEqual(['reportLint.overview']);
    const title = pkg.contributes.menus['view/title'].map((m: { command: string }) => m.command);
    expect(title).toContain(ClientCommands.checkWorkspace);
    expect(readFileSync(join(root, 'resources', 'report-lint.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('packages only the bundles, schema, strings and docs (vsce ls)', () => {
    const vsce = join(root, 'node_modules', '.bin', 'vsce');
    const out = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/reportlintrc.schema.json', 'dist/browser-client.js', 'dist/browser-server.js', 'dist/lexicon.json']));
    const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|README\.md|LICENSE|CHANGELOG\.md|icon\.png|resources\/report-lint\.svg|dist\/(client|server|browser-client|browser-server)\.js|dist\/lexicon\.json|schemas\/[^/]+\.json|docs\/editor\.md|docs\/rules\/[^/]+\.md)$/;
    expect(files.filter((f) => !allowed.test(f)), 'files that should not be in the .vsix').toEqual([]);
  });
});
