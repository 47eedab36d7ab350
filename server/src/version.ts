import { version } from '../../package.json';

/** virt-tune's version, from package.json (inlined by the bundler). */
export const VERSION: string = version;
