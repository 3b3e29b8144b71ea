import type { CDPSession } from 'playwright-core';

/** One Chrome trace event, as far as the benchmark reads it. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } };
}

const CATEGORIES = process.env.TRACE_CATS ? process.env.TRACE_CATS.split(',') : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];

/** Records a CDP trace of the page's renderer while `work` runs, and returns its events. */
export async function traceWhile(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
  let failure: unknown = null;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (event) => done(event.stream ?? '')));
  await cdp.send('Tracing.end');
  const text = await readStream(cdp, await complete);
  if (failure) throw failure;
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = [];
  // Bounded: a trace of this size is a few hundred chunks at most.
  for (let i = 0; i < 100_000; i++) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return parts.join('');
}
