/** Runs a command-line tool (syncthing, git) to its end: what it printed and its exit code. */

import { execFile } from 'node:child_process';

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ToolOptions {
  readonly cwd?: string;
  readonly env: NodeJS.ProcessEnv;
  /** Exit codes besides 0 that are answers, not failures (`git merge` gives 1 on a conflict). */
  readonly allow?: readonly number[];
}

/** Rejects, with the command and what it printed, on an exit code that is not 0 or allowed. */
export function runTool(command: string, args: readonly string[], options: ToolOptions): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, env: options.env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      if (code === 0 || options.allow?.includes(code) === true) {
        resolve({ code, stdout, stderr });
        return;
      }
      const message = `${command} ${args.join(' ')} failed (${error?.message ?? String(code)}):\n${stdout}${stderr}`;
      reject(new Error(message));
    });
  });
}
