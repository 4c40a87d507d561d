// Restricted Mode (#9 of issue 13): an untrusted workspace cannot set where the rule links point.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESTRICTED_SETTINGS, withoutWorkspaceValues } from '../../client/trust';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('settings answered to the server in an untrusted workspace', () => {
  const inspect = (globalValue?: string) => (key: string) =>
    key === 'docsBaseUrl' ? { defaultValue: 'https://default.test/docs/', globalValue } : undefined;
  const section = { language: 'en', docsBaseUrl: 'https://evil.test/from-workspace/' };

  it('keep the workspace value when the workspace is trusted', () => {
    expect(withoutWorkspaceValues(section, true, inspect('https://user.test/'))).toEqual(section);
  });

  it("take the user's own value, or the default, for docsBaseUrl when it is not", () => {
    expect(withoutWorkspaceValues(section, false, inspect('https://user.test/'))).toEqual({ language: 'en', docsBaseUrl: 'https://user.test/' });
    expect(withoutWorkspaceValues(section, false, inspect(undefined))).toEqual({ language: 'en', docsBaseUrl: 'https://default.test/docs/' });
    expect(withoutWorkspaceValues(section, false, () => undefined)).toEqual({ language: 'en' });
    // nothing else is touched, and odd answers pass through
    expect(withoutWorkspaceValues(null, false, inspect())).toBeNull();
    expect(withoutWorkspaceValues([1], false, inspect())).toEqual([1]);
  });

  it('are what the manifest declares as restricted, and the client uses the helper', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(RESTRICTED_SETTINGS.map((k) => `reportLint.${k}`));
    const client = readFileSync(join(root, 'client', 'extension.ts'), 'utf8');
    expect(client).toMatch(/vscode\.workspace\.isTrusted/);
    expect(client).toMatch(/withoutWorkspaceValues\(/);
    expect(client).toMatch(/onDidGrantWorkspaceTrust/);
  });
});
