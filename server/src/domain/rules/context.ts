import type { Rule } from '../../core/types';
import type { XmlDocument } from '../../xml/types';
import type { DomainModel } from '../model';
import type { DomainDocument } from '../document';

/** What a domain rule reads: the tree and the model, built once for the document's version. */
export interface DomainRuleContext {
  document: DomainDocument;
  xml: XmlDocument;
  model: DomainModel;
  text: string;
}

export type DomainRule = Rule<DomainRuleContext>;
