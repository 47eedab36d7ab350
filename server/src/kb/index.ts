export * from './types';
export * from './sources';
export { elementSpec, elementsNamed, isForeignElement, isForeignName, DOMAIN_STRUCTURE } from './structure';
export { valueProblem } from './values';
export { fact, FACTS } from './facts';
