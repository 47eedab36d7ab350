import type { Rule } from '../../core/types';
import type { KsmtunedDocument } from '../document';
import type { KsmModel } from '../model';
import type { KsmConf } from '../types';

/** What a ksmtuned rule reads: the lines and the model, built once for the document's version. */
export interface KsmtunedRuleContext {
  document: KsmtunedDocument;
  conf: KsmConf;
  model: KsmModel;
  text: string;
}

export type KsmtunedRule = Rule<KsmtunedRuleContext>;
