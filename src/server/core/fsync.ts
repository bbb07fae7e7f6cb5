import { open } from 'node:fs/promises';

/** fsync a file or a folder by path (a folder: so a rename inside it survives a power cut). */
export async function fsyncPath(p: string): Promise<void> {
  const handle = await open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
