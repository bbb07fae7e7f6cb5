import busboy from 'busboy';

/** Why an upload was not read to its end. */
export type BodyProblem = 'too-large' | 'timeout' | 'cut';

export type BodyRead = { ok: true; data: Buffer } | { ok: false; problem: BodyProblem };

/**
 * Reads a request body into memory with a byte limit, an idle limit (nothing received
 * for `idleMs`) and a total limit: a slow or endless body is cut, never waited for.
 */
export async function readBoundedBody(
  body: ReadableStream<Uint8Array> | null,
  limits: { maxBytes: number; idleMs: number; totalMs: number },
): Promise<BodyRead> {
  if (!body) return { ok: true, data: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  const deadline = Date.now() + limits.totalMs;
  try {
    for (;;) {
      const wait = Math.min(limits.idleMs, deadline - Date.now());
      if (wait <= 0) return { ok: false, problem: 'timeout' };
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), wait);
      });
      let step: ReadableStreamReadResult<Uint8Array> | 'timeout';
      try {
        step = await Promise.race([reader.read(), timeout]);
      } catch {
        return { ok: false, problem: 'cut' };
      } finally {
        clearTimeout(timer);
      }
      if (step === 'timeout') return { ok: false, problem: 'timeout' };
      if (step.done) return { ok: true, data: Buffer.concat(chunks, size) };
      size += step.value.byteLength;
      if (size > limits.maxBytes) return { ok: false, problem: 'too-large' };
      chunks.push(Buffer.from(step.value));
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * The text fields of a multipart form whose proposal is refused before it is read (too
 * many proposals, quota, too many uploads at once), so the form comes back with what the
 * visitor typed. File parts are drained, never held; the same byte, idle and total limits
 * apply, and whatever arrived before a limit is kept.
 */
export async function readTextFields(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  limits: { maxBytes: number; idleMs: number; totalMs: number; fieldBytes: number },
): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  if (!body || !contentType.startsWith('multipart/form-data')) return fields;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: { fieldSize: limits.fieldBytes, fields: 20, files: 1, parts: 24 },
    });
  } catch {
    return fields;
  }
  parser.on('field', (name, value) => {
    if (!fields.has(name)) fields.set(name, value);
  });
  parser.on('file', (_name, stream) => stream.resume());
  const finished = new Promise<void>((resolve) => {
    parser.on('close', resolve);
    parser.on('error', () => resolve());
  });
  const reader = body.getReader();
  let size = 0;
  const deadline = Date.now() + limits.totalMs;
  try {
    for (;;) {
      const wait = Math.min(limits.idleMs, deadline - Date.now());
      if (wait <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), wait);
      });
      let step: ReadableStreamReadResult<Uint8Array> | 'timeout';
      try {
        step = await Promise.race([reader.read(), timeout]);
      } catch {
        break;
      } finally {
        clearTimeout(timer);
      }
      if (step === 'timeout') break;
      if (step.done) {
        parser.end();
        await finished;
        break;
      }
      size += step.value.byteLength;
      if (size > limits.maxBytes) break;
      parser.write(step.value);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return fields;
}
