/** The whole number given after `name` on a bench tool's command line (both taken out of `args`), or `fallback` when absent. */
export function wholeNumberOption(name: string, fallback: number, args: string[]): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number`);
  return value;
}
