import type { CDPSession } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { decodeMappings, segmentAt, type SourceMap } from './source-map';
import { origin } from './bundle-sources';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }

/** Samples the renderer's JS (every `intervalUs`) while `work` runs. */
export async function profileWhile(cdp: CDPSession, work: () => Promise<void>, intervalUs = 50): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  let failure: unknown = null;
  await work().catch((error: unknown) => { failure = error; });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  if (failure) throw failure;
  return profile as Profile;
}

export interface FunctionCost {
  name: string;
  /** Source file (through the build's source map) and line. */
  where: string;
  selfMs: number;
  totalMs: number;
}

/**
 * Self and inclusive time of every function of the script at `url`, with its place in the
 * sources when `mapFile` (the script's `.map`) is given. Inclusive time counts a function once
 * even when it recurses.
 */
export function costsOf(profile: Profile, url: string, mapFile?: string): FunctionCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000));
  const map = mapFile ? (JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap) : null;
  const segments = map ? decodeMappings(map) : [];
  const keyOf = (f: CallFrame) => `${f.functionName || '(anonymous)'}@${f.lineNumber}:${f.columnNumber}`;
  const out = new Map<string, FunctionCost>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    // Bounded by the tree's depth: walk up from the sampled node, crediting each function once.
    let first = true;
    for (let node = byId.get(id); node; node = byId.get(parent.get(node.id) ?? -1)) {
      if (node.callFrame.url !== url) continue;
      const key = keyOf(node.callFrame);
      let cost = out.get(key);
      if (!cost) {
        const seg = segmentAt(segments, node.callFrame.lineNumber, node.callFrame.columnNumber);
        const where = seg && map ? `${origin(map.sources[seg.source] ?? '?')}:${seg.sourceLine + 1}` : `${node.callFrame.lineNumber + 1}`;
        cost = { name: node.callFrame.functionName || '(anonymous)', where, selfMs: 0, totalMs: 0 };
        out.set(key, cost);
      }
      // "Self" includes the browser's own work the function called (DOM queries, JSON).
      if (first) cost.selfMs += ms;
      first = false;
      if (!seen.has(key)) cost.totalMs += ms;
      seen.add(key);
    }
  }
  return [...out.values()].sort((a, b) => b.totalMs - a.totalMs);
}
