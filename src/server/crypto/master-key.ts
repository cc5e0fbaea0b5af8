import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { KEY_BYTES, newKey } from './aead.js';

export const DEV_MASTER_KEY_FILE = 'document-master.key';

/**
 * The master key for document encryption. Production must configure DOCUMENT_MASTER_KEY (the program refuses to
 * start without it). Elsewhere a key is generated once into the data folder (mode 0600) so a developer's or demo
 * database stays readable across restarts; that file is never committed (data/ is ignored).
 */
export async function resolveMasterKey(config: Config): Promise<Buffer> {
  if (config.documentMasterKey) return config.documentMasterKey;
  if (config.production) {
    throw new Error('DOCUMENT_MASTER_KEY is required in production (base64 of 32 random bytes: openssl rand -base64 32)');
  }
  const file = path.join(config.dataDir, DEV_MASTER_KEY_FILE);
  try {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (key.length === KEY_BYTES) return key;
    throw new Error(`${file} does not hold a 32-byte base64 key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = newKey();
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return key;
}
