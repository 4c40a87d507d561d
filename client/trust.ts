// Settings a workspace must not set while it is untrusted (Restricted Mode). Pure: no vscode import, so the tests
// can run it; client/extension.ts feeds it what `WorkspaceConfiguration.inspect` says.

/** `reportLint.*` keys whose workspace values are ignored in an untrusted workspace. */
export const RESTRICTED_SETTINGS = ['docsBaseUrl'] as const;

export interface InspectedValue {
  defaultValue?: unknown;
  globalValue?: unknown;
}

/**
 * The `reportLint` section as answered to the server, with every restricted key replaced by the user's own
 * (global) value, or the default, when the workspace is untrusted. Anything else is returned as it is.
 */
export function withoutWorkspaceValues(section: unknown, trusted: boolean, inspect: (key: string) => InspectedValue | undefined): unknown {
  if (trusted || !section || typeof section !== 'object' || Array.isArray(section)) return section;
  const out: Record<string, unknown> = { ...(section as Record<string, unknown>) };
  for (const key of RESTRICTED_SETTINGS) {
    const i = inspect(key);
    const v = i?.globalValue ?? i?.defaultValue;
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}
