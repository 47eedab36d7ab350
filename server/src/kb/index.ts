export * from './types';
export * from './sources';
export { elementSpec, DOMAIN_STRUCTURE } from './structure';
export { fact, FACTS } from './facts';
