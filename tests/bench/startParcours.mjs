import { spawn } from 'node:child_process';
import { PARCOURS_BIN } from './runChild.mjs';

/**
 * `parcours start` on loopback in its own process, port chosen by the OS; resolves
 * once it listens, with its port, its pid (to read its memory) and `stop` (SIGTERM:
 * the server flushes and closes the store; SIGKILL after 10 s).
 * @param {string} filename the SQLite file
 * @param {string[]} [extraArgs] more `parcours start` flags (`--max-memory-mb 384`)
 * @returns {Promise<{ port: number, pid: number, stop: () => Promise<void> }>}
 */
export function startParcours(filename, extraArgs = []) {
  const child = spawn(
    process.execPath,
    [PARCOURS_BIN, 'start', '--port', '0', '--host', '127.0.0.1', '--db', filename, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match === null) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({
        port: Number(match[1]),
        pid: child.pid,
        stop: async () => {
          child.kill('SIGTERM');
          const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(stuck);
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    exited.then((code) => reject(new Error(`parcours start exited with ${code}: ${output}`)));
  });
}
