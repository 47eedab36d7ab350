/**
 * What an option the kernel refuses does to a loadable module (KernelParamSpec.loadableModule): modprobe
 * hands the module the command line's `module.option=` words when it loads it, the option's setter refuses
 * the value, and load_module() (kernel/module/main.c) fails when parse_args() (kernel/params.c) could not
 * set every option. `outcome` says it in the caller's words, `error` is what modprobe then reports (the
 * setter's errno), `builtIn` what happens instead when the module is built into the kernel.
 */
export function moduleRefusal(module: string, outcome: string, error: string, builtIn: string): string {
  return `Where ${module} is a loadable module, as distributions build it, ${outcome} (modprobe: ${error}), and KVM with it; ${builtIn}`;
}
