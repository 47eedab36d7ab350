/** Whether the command line names a transport (--stdio, --node-ipc, --socket=PORT, --pipe=NAME), so a language server is to run. */
export function namesTransport(args: readonly string[]): boolean {
  return args.some((arg) => /^--(stdio$|node-ipc$|socket=|pipe=)/.test(arg));
}
