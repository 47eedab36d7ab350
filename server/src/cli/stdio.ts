import { writeSync } from 'node:fs';

/**
 * A writer of the CLI's output to file descriptor 1 or 2, written with write(2) itself. process.stdout
 * and process.stderr are made on first use, and on a pipe (a shell's `|`, a CI runner, a test harness)
 * that loads node's net and stream modules: about 3 ms of a run over one file. Node writes to files and
 * pipes synchronously on Linux anyway, so nothing else changes. A non-blocking descriptor that is full
 * (EAGAIN) hands this write and the later ones to node's stream, which waits for it; a reader that stopped
 * early (EPIPE, `virt-tune lint . | head`) ends the run as that stream's error did.
 */
let streamed = false;

/** Whether every write so far went out whole with write(2), none left to a stream that may still hold it. */
export function everythingWritten(): boolean {
  return !streamed;
}

export function descriptorWriter(fd: 1 | 2): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (stream) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        // As the stream did: its error came on the next tick, after the command's exit status was set.
        closed = true;
        process.nextTick(() => process.exit(process.exitCode ?? 0));
        return;
      }
      if (code !== 'EAGAIN') throw error;
      streamed = true;
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', (streamError: NodeJS.ErrnoException) => {
        if (streamError.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw streamError;
      });
      stream.write(bytes.subarray(written));
    }
  };
}
