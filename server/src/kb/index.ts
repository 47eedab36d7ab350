export * from './types';
export * from './sources';
export { domainStructure, elementSpec, elementsNamed, isForeignElement, isForeignName } from './structure';
export { narrowing, NARROWINGS } from './overlay';
export { valueNote, VALUE_NOTES } from './valueNotes';
export { valueProblem } from './values';
export { fact, FACTS } from './facts';
