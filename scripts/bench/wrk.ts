import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cpuSeconds, run } from './proc.js';

export interface WrkResult {
  requestsPerSec: number;
  bytesPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytes: number;
  /** CPU time the server used per request (ms), when its pid was given. */
  cpuMsPerRequest?: number;
  /** Bytes served per CPU second of the server: its throughput on a core of its own. */
  bytesPerCpuSecond?: number;
}

/** Cycles through the given paths and prints the summary as JSON (wrk's own --latency has no p95). */
function luaScript(paths: string[]): string {
  const list = paths.map((p) => `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(', ');
  return `
local paths = { ${list} }
local i = 0
local non2xx = 0
request = function()
  i = (i % #paths) + 1
  return wrk.format("GET", paths[i])
end
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50":%d,"p95":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;
}

/**
 * Runs wrk pinned to core 1 (the server has core 0). Note: wrk's \`response\` hook runs
 * per thread, so non-2xx counts come from wrk's own "Non-2xx" line instead.
 */
export async function wrk(opts: {
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
  benchDir: string;
  core?: number;
  serverPid?: number;
}): Promise<WrkResult> {
  const cpuBefore = opts.serverPid ? cpuSeconds(opts.serverPid) : 0;
  const script = path.join(opts.benchDir, `wrk-${Date.now()}.lua`);
  writeFileSync(script, luaScript(opts.paths));
  const threads = Math.min(2, opts.connections);
  const { stdout, stderr, code } = await run('taskset', [
    '-c',
    String(opts.core ?? 1),
    'wrk',
    '-t',
    String(threads),
    '-c',
    String(opts.connections),
    '-d',
    `${opts.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    `${opts.base}${opts.paths[0] ?? '/'}`,
  ]);
  const cpuUsed = opts.serverPid ? cpuSeconds(opts.serverPid) - cpuBefore : 0;
  rmSync(script, { force: true });
  const line = /WRKJSON (\{.*\})/.exec(stdout)?.[1];
  if (code !== 0 || !line) throw new Error(`wrk a échoué (${code}) : ${stderr || stdout}`);
  const j = JSON.parse(line) as {
    requests: number;
    duration_us: number;
    bytes: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
  };
  const seconds = j.duration_us / 1e6;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? '0');
  const result: WrkResult = {
    requestsPerSec: j.requests / seconds,
    bytesPerSec: j.bytes / seconds,
    p50: j.p50 / 1000,
    p95: j.p95 / 1000,
    p99: j.p99 / 1000,
    requests: j.requests,
    errors: j.errors,
    non2xx,
    bytes: j.bytes,
  };
  if (opts.serverPid && j.requests > 0 && cpuUsed > 0) {
    result.cpuMsPerRequest = (cpuUsed * 1000) / j.requests;
    result.bytesPerCpuSecond = j.bytes / cpuUsed;
  }
  return result;
}
