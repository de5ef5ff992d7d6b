import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `parcours` CLI of the built `@parcours/server` package. */
export const PARCOURS_BIN = fileURLToPath(
  new URL('../bin/parcours.js', import.meta.resolve('@parcours/server')),
);

/**
 * Runs `node ...args` to completion, stderr passed through, and resolves with its
 * stdout and wall time; rejects on a non-zero exit unless `allowFailure`.
 * @param {string[]} args
 * @param {{ allowFailure?: boolean }} [options]
 */
export function runNode(args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      if ((code !== 0 || signal !== null) && !options.allowFailure) {
        reject(new Error(`node ${args.join(' ')} exited with ${signal ?? code}\n${stdout.slice(-2000)}`));
      } else resolve({ code, stdout, wallMs });
    });
  });
}

/** The JSON of the last non-empty line a child printed. */
export function parseLastLine(stdout) {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}
