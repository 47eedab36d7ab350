import type { Report, RuleMeta } from '../../core/types';
import type { ElementSpec, ValueType } from '../../kb/types';
import type { XmlDocument, XmlElement } from '../../xml/types';
import type { DomainModel } from '../model';
import type { DomainDocument } from '../document';
import type { HostModel } from '../../host/types';
import type { BootHugePages, Guests } from '../../guests/types';
import type { Misplacement } from './structure/placement';
import type { TypedValue } from './structure/values';

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

export type DomainReport = (report: Report) => void;

/**
 * A domain rule (ESLint-style: its meta and what it looks at). A rule that reads the model, or looks
 * across the document, has `check`, called once per document. A rule that judges elements one by one
 * has `visit`: the one walk of the tree (walk.ts) calls it at each element, so the rules share a single
 * pass and each element's place and spec are looked up once. A rule has one or the other.
 */
export type DomainRule = DocumentRule | ElementRule;

export interface DocumentRule {
  meta: RuleMeta;
  check(context: DomainRuleContext, report: DomainReport): void;
  /**
   * The element paths (`domain/devices/disk`) without which the rule has nothing to say: it is then called
   * only on documents with an element at one of them (placed by the walk, or of another namespace there:
   * rules that read children by name see those too). Every path must be one the structure knows. Absent:
   * called on every document.
   */
  paths?: readonly string[];
  /**
   * What the rule compares the domain with, without which it is silent: `host` (context.host), `guests` (a
   * non-empty context.guests), `bootHugepages`. It is not called when one of them is missing.
   */
  needs?: readonly ('host' | 'guests' | 'bootHugepages')[];
  visit?: undefined;
}

export interface ElementRule {
  meta: RuleMeta;
  check?: undefined;
  visit: ElementVisitor;
}

/** What the walk calls; every part is optional. */
export interface ElementVisitor {
  /** An element whose place the structure allows and whose spec it knows. */
  element?(element: XmlElement, spec: ElementSpec, context: DomainRuleContext, report: DomainReport): void;
  /**
   * Which element paths `element` is called at, asked once per path (by its spec) and remembered:
   * every path when absent. A rule that can only speak where the spec says something (a required
   * attribute, a numeric text) is then not called at the other elements at all.
   */
  at?(spec: ElementSpec): boolean;
  /**
   * An element whose spec lists its attributes in full, and that has an attribute the spec does not list
   * (a namespaced one counts too: the rule leaves those out). The walk finds this out as it looks each
   * attribute up once, so the nearly always clean elements cost the rule nothing.
   */
  unlistedAttributes?(element: XmlElement, spec: ElementSpec, context: DomainRuleContext, report: DomainReport): void;
  /**
   * An element without one of the attributes its spec requires, found out the same way: the elements
   * that have them all, nearly every one, cost the rule nothing.
   */
  lackingAttributes?(element: XmlElement, spec: ElementSpec, context: DomainRuleContext, report: DomainReport): void;
  /**
   * An element whose text has a type some `values` visitor takes, and no text the walk could give it as a
   * value (its content not written in full, empty, or broken): found out as the walk reads the text, so
   * the elements with a text cost the rule nothing.
   */
  noText?(element: XmlElement, spec: ElementSpec, context: DomainRuleContext, report: DomainReport): void;
  /** The typed values (attribute values, element text) of those elements, of the kinds listed. */
  values?: {
    kinds: readonly ValueType['kind'][];
    visit(value: TypedValue, context: DomainRuleContext, report: DomainReport): void;
    /**
     * A test of a value (entities decoded, an element's text trimmed, as `visit` would get it) that,
     * when it holds, means `visit` has nothing to say about it. Asked once per typed attribute and text
     * of an element path and remembered; when every visitor of the type has one and it holds, the walk
     * makes no typed value (most values are fine). Undefined where there is no such test. It must depend
     * on the value alone: the walk remembers a value that passed and does not ask again for an equal one.
     */
    fine?(type: ValueType): ((value: string) => boolean) | undefined;
  };
  /** An element its parent does not take (unknown, misplaced, the guide's `<cpuset>` wrapper); nothing under it is walked. */
  misplaced?(misplacement: Misplacement, context: DomainRuleContext, report: DomainReport): void;
}
