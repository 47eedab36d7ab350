import { execFile } from 'node:child_process';

/** One program to run: what execFile is given, all of it plain data a worker thread can be sent. */
export interface ProgramCall {
  file: string;
  args: string[];
  timeoutMs: number;
  maxBuffer: number;
  env: NodeJS.ProcessEnv;
}

/** execFile's error as plain data: `code` is the exit status (a number) or why it did not run (`ENOENT`). */
export interface ProgramError {
  code: string | number | undefined;
  killed: boolean;
  signal: string | null;
  message: string;
}

/** What a run gave, as execFile's callback has it. */
export interface ProgramRun {
  stdout: string;
  stderr: string;
  error?: ProgramError;
}

/** Runs a program and says what it gave; never rejects. */
export type RunProgram = (call: ProgramCall) => Promise<ProgramRun>;

/** Runs the program from this thread, which execFile holds until the program has started. */
export function runProgram(call: ProgramCall): Promise<ProgramRun> {
  return new Promise((resolve) => {
    execFile(
      call.file,
      call.args,
      { timeout: call.timeoutMs, killSignal: 'SIGKILL', maxBuffer: call.maxBuffer, env: call.env, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code as string | number | undefined;
        resolve({ stdout, stderr, error: { code, killed: error.killed === true, signal: error.signal ?? null, message: error.message } });
      },
    );
  });
}
