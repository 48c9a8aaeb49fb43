/** `charter serve` as a real child process (from source, through tsx), for tests that kill, restart or sit beside it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectFile } from '../../src/platform/project.js';

export interface ServeProcess {
  child: ChildProcess;
  /** What it printed so far, stdout and stderr together. */
  output: () => string;
}

/** Spawns `charter serve` with the given arguments, on top of this process's environment. */
export function spawnServe(args: string[], env: Record<string, string>): ServeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', projectFile('src/cli/bin.ts'), 'serve', ...args], {
    cwd: projectFile(),
    env: { ...process.env, ...env, CHARTER_TEST_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Spawns `charter serve --port PORT …` and waits for /readyz. */
export async function startServe(port: number, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const { child, output } = spawnServe([...args, '--port', String(port)], env);
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${output()}`);
}

/** Resolves with the exit code once the process has exited (null when a signal ended it). */
export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
