#!/usr/bin/env node
// `npm start`: the CRM server (embedded database) plus the Chrome extension in .output/chrome-mv3,
// rebuilt on every change. A production build per change is used instead of `wxt` dev mode because
// dev mode writes .output/chrome-mv3-dev and loads code from a dev server, so it is not a
// standalone unpacked extension. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WATCHED = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts'];
const IGNORED = /(^|\/)(\.|node_modules\/)|~$|\.sw.$/;
const children = new Set();
let stopping = false;

// WXT draws a spinner with terminal escapes; through a pipe that is noise, so it is dropped.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;
const SPINNER = /^[\u2800-\u28ff]/;

function log(tag, text) {
  for (const raw of String(text).split(/[\r\n]+/)) {
    const line = raw.replace(ESCAPES, '').trimEnd();
    if (line.trim() && !SPINNER.test(line.trim())) process.stdout.write(`[${tag}] ${line}\n`);
  }
}

/** Runs a command in its own process group, so stopping it stops everything it started. */
function run(tag, command, args) {
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  children.add(child);
  child.stdout.on('data', (chunk) => log(tag, chunk));
  child.stderr.on('data', (chunk) => log(tag, chunk));
  const done = new Promise((resolve) => child.on('exit', (code, signal) => {
    children.delete(child);
    resolve(code ?? (signal ? 1 : 0));
  }));
  return { child, done };
}

// ---- the CRM server ---------------------------------------------------------------------------
const server = run('server', 'npm', ['run', '--silent', 'server']);
server.done.then((code) => {
  if (stopping) return;
  log('start', `the CRM server stopped (exit code ${code}); stopping.`);
  void stop(code || 1);
});

// ---- the extension: build, then rebuild on change --------------------------------------------
let building = false;
let queued = false;

async function build(reason) {
  if (stopping) return;
  if (building) {
    queued = true;
    return;
  }
  building = true;
  log('build', reason);
  const started = Date.now();
  const { done } = run('build', join(root, 'node_modules/.bin/wxt'), ['build']);
  const code = await done;
  building = false;
  if (stopping) return;
  log('build', code === 0
    ? `ready in ${Date.now() - started} ms: load or reload ${relative(process.cwd(), join(root, '.output/chrome-mv3')) || '.'} in chrome://extensions`
    : `failed (exit code ${code}); fix the error and save again.`);
  if (queued) {
    queued = false;
    void build('building again for changes made meanwhile');
  }
}

let timer;
const watchers = WATCHED.map((path) =>
  watch(join(root, path), { recursive: true }, (_, file) => {
    const name = file ? join(path, String(file)) : path;
    if (IGNORED.test(name)) return;
    clearTimeout(timer);
    // Editors write several files per save; wait for the burst to end.
    timer = setTimeout(() => void build(`change in ${name}`), 300);
  }),
);
void build('first build');

// ---- stopping -------------------------------------------------------------------------------
async function stop(code) {
  if (stopping) return;
  stopping = true;
  clearTimeout(timer);
  for (const w of watchers) w.close();
  const exits = [...children].map((child) => new Promise((resolve) => {
    child.once('exit', resolve);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  }));
  const force = setTimeout(() => {
    for (const child of children) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }, 10_000);
  await Promise.all(exits);
  clearTimeout(force);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
