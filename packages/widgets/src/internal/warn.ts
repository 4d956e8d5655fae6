// SPDX-License-Identifier: MIT

/**
 * Whether dev-only warnings are on. A production build replaces `process.env.NODE_ENV` with `"production"`, which
 * turns them off; in a browser without a bundler `process` does not exist and they stay on.
 */
function isDevMode(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

/** The codes of kc's dev-only warnings; each has a section in the `@kc/widgets` README under "Warnings". */
export type WarningCode =
  'define-version' | 'no-client' | 'on-error-threw' | 'catalog-failed' | 'storage-unavailable' | 'chat-twice';

const issued = new Set<string>();

/**
 * Prints a `[kc]` warning once per code and message, in development only. Never pass personal data: the message
 * goes to the console.
 */
export function warnOnce(code: WarningCode, message: string): void {
  if (!isDevMode()) return;
  const key = `${code}\u0000${message}`;
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[kc] ${message} (kc:${code}, see the @kc/widgets README, "Warnings")`);
}
