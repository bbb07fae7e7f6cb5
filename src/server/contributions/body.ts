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
