import type { z } from 'zod';

/** The paths ("name.fi", "openingHours.2.closes") of a schema's failed fields, for marking inputs. */
export function invalidPaths(result: z.ZodSafeParseResult<unknown>): Set<string> {
  if (result.success) return new Set();
  return new Set(result.error.issues.map((i) => i.path.join('.')));
}

export function hasPrefix(paths: Set<string>, prefix: string): boolean {
  for (const p of paths) if (p === prefix || p.startsWith(`${prefix}.`)) return true;
  return false;
}
