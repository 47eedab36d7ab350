import type { Rule } from '../../core/types';
import type { XmlDocument } from '../../xml/types';
import type { DomainModel } from '../model';
import type { DomainDocument } from '../document';
import type { HostModel } from '../../host/types';
import type { BootHugePages, Guests } from '../../guests/types';

/** What a domain rule reads: the tree and the model, built once for the document's version. */
export interface DomainRuleContext {
  document: DomainDocument;
  xml: XmlDocument;
  model: DomainModel;
  text: string;
  /** The host the guest will run on, when one is known (`--host`, `virtTune.host`); host-aware rules need it. */
  host?: HostModel;
  /** The host's other guests, when known (libvirt's domains or the workspace's files); the cross-guest rules need them. */
  guests?: Guests;
  /** The huge pages the host's kernel command line reserves at boot, from the workspace's files. */
  bootHugepages?: BootHugePages;
}

export type DomainRule = Rule<DomainRuleContext>;
