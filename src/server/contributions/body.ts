import busboy from 'busboy';

/** Why an upload was not read to its end. */
export type BodyProblem = 'too-large' | 'timeout' | 'cut';

export type BodyRead = { ok: true; data: Buffer } | { ok: false; problem: BodyProblem };

type Limits = { maxBytes: number; idleMs: number; totalMs: number };

/**
 * The chunks of a request body under a byte limit, an idle limit (nothing received for
 * `idleMs`) and a total limit: a slow or endless body is cut, never waited for. Ends with
 * the problem that stopped it, or `null` when the body was read to its end.
 */
async function* boundedChunks(
  body: ReadableStream<Uint8Array>,
  limits: Limits,
): AsyncGenerator<Uint8Array, BodyProblem | null> {
  const reader = body.getReader();
  let size = 0;
  const deadline = Date.now() + limits.totalMs;
  try {
    for (;;) {
      const wait = Math.min(limits.idleMs, deadline - Date.now());
      if (wait <= 0) return 'timeout';
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), wait);
      });
      let step: ReadableStreamReadResult<Uint8Array> | 'timeout';
      try {
        step = await Promise.race([reader.read(), timeout]);
      } catch {
        return 'cut';
      } finally {
        clearTimeout(timer);
      }
      if (step === 'timeout') return 'timeout';
      if (step.done) return null;
      size += step.value.byteLength;
      if (size > limits.maxBytes) return 'too-large';
      yield step.value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** Reads a request body into memory under the limits of `boundedChunks`. */
export async function readBoundedBody(
  body: ReadableStream<Uint8Array> | null,
  limits: Limits,
): Promise<BodyRead> {
  if (!body) return { ok: true, data: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  const read = boundedChunks(body, limits);
  for (;;) {
    const step = await read.next();
    if (step.done) {
      return step.value
        ? { ok: false, problem: step.value }
        : { ok: true, data: Buffer.concat(chunks) };
    }
    chunks.push(Buffer.from(step.value));
  }
}

/**
 * The text fields of a multipart form whose proposal is refused before it is read (too
 * many proposals, quota, too many uploads at once), so the form comes back with what the
 * visitor typed. File parts are drained, never held; the same limits apply, and whatever
 * arrived before a limit is kept.
 */
export async function readTextFields(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  limits: Limits & { fieldBytes: number },
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
  const read = boundedChunks(body, limits);
  for (;;) {
    const step = await read.next();
    if (step.done) {
      if (step.value === null) {
        parser.end();
        await finished;
      }
      return fields;
    }
    parser.write(step.value);
  }
}
