import type { DomainRule } from '../context';
import { invalidIdList } from './invalid-id-list';
import { invalidNumber } from './invalid-number';
import { invalidValue } from './invalid-value';
import { misplacedElement } from './misplaced-element';
import { missingAttribute } from './missing-attribute';
import { unknownAttribute } from './unknown-attribute';
import { unknownElement } from './unknown-element';

/**
 * VT101-VT107: what libvirt's schema refuses, judged on every element of the domain against the structure
 * generated from that schema (kb/structure.ts); open content (`<metadata>`) and other namespaces are not judged.
 */
export const STRUCTURE_RULES: readonly DomainRule[] = [
  unknownElement,
  misplacedElement,
  unknownAttribute,
  invalidValue,
  invalidNumber,
  invalidIdList,
  missingAttribute,
];
