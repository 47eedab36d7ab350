/** `4 vCPUs (0-3)`, `1 vCPU (0)`: the vCPUs a guest with `count` of them has, for messages. */
export function vcpuRange(count: number): string {
  return count === 1 ? '1 vCPU (0)' : `${count} vCPUs (0-${count - 1})`;
}
