import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A tripwire for the session cache (docs/sessions.md): every file that writes users, sessions, role assignments or
 * organisations must publish `auth.changed` (through `authChanged`) or be listed here with the reason it need not.
 * A new write path that forgets would let a cached session keep what the write took away for up to the cache's TTL.
 */
const EXEMPT: Record<string, string> = {
  // Where the writes are defined: the use cases that call them publish.
  'modules/users/repository.ts': 'definitions',
  'auth/session-repository.ts': 'definitions',
  'modules/directory/repository.ts': 'definitions',
  // Only the TOTP replay step (and a re-sealed secret) changes: no session carries either.
  'auth/login.ts': 'mfaLastStep only',
  'auth/totp-secret.ts': 'the secret re-sealed under a new key',
  // Deletes a session it found expired, idle or of an inactive user, and forgets it from the cache itself.
  'auth/authenticate.ts': 'expired session',
  // A new account has no session yet.
  'modules/users/create-user.ts': 'new account',
  'modules/users/create-first-admin.ts': 'new account, before the app serves',
  // Runs inside finishSignIn's transaction, which publishes after the commit.
  'auth/oidc/resolve-account.ts': 'published by finish-sign-in.ts',
  // Before the app serves.
  'db/seed/demo.ts': 'seed',
};

const WRITES = [
  /userRepository\.(update|replaceRoles)\(/,
  /sessionRepository\.(delete|deleteForUser)\(/,
  /directoryRepository\.updateOrganisation\(/,
  /\.(update|delete|insert)\((users|sessions|roleAssignments|organisations)\)/,
  /\b(UPDATE|DELETE FROM|INSERT INTO)\s+(users|sessions|role_assignments|organisations)\b/i,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('writes that can change what a session may do', () => {
  it('publish auth.changed, or are exempt for a stated reason', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const writers = sources(root)
      .map((file) => ({ rel: path.relative(root, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }))
      .filter(({ text }) => WRITES.some((w) => w.test(text)));
    // The scan finds the known writers (so a renamed repository method does not silently match nothing).
    expect(writers.map((w) => w.rel)).toEqual(expect.arrayContaining(['modules/users/deactivate-user.ts', 'modules/users/set-user-roles.ts', 'auth/routes.ts']));
    const silent = writers.filter(({ rel, text }) => !EXEMPT[rel] && !text.includes('authChanged(')).map((w) => w.rel);
    expect(silent).toEqual([]);
  });
});
