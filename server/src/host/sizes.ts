import { roundedKiB } from '../protocol';

/** Rounded sizes for pictures; defined with the protocol, which the panel shares. */
export { roundedKiB };

/** A huge page size: `2 MiB`, `1 GiB`. */
export function pageSizeLabel(sizeKiB: number): string {
  return roundedKiB(sizeKiB);
}
