import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toFinding } from '../../core/report';
import type { Finding, Report } from '../../core/types';
import type { ElementSpec, ValueType } from '../../kb/types';
import type { XmlElement } from '../../xml/types';
import type { DomainReport, DomainRule, DomainRuleContext, ElementVisitor } from './context';
import { attributeSpecsOf } from './structure/attribute-names';
import { placeAt, walkStructure, type Misplacement, type Place, type StructureVisitor } from './structure/placement';
import { typedAttributeValue, typedText, type TypedValue } from './structure/values';

type Kind = ValueType['kind'];
type ElementCall = { index: number; visit: NonNullable<ElementVisitor['element']>; at: ElementVisitor['at'] };
type Values = NonNullable<ElementVisitor['values']>;
type ValueCall = { index: number; visit: Values['visit']; fine: Values['fine'] };
type FineTest = (value: string) => boolean;

/**
 * What the walk calls at one element path: the element visitors that apply there, and the value
 * visitors of each typed attribute and of the text. Worked out once per path and kept on its Place, so
 * an element costs one lookup per attribute and no spec lookups.
 */
interface PlacePlan {
  /** The plan this was made for (a place keeps the one of the list of rules used last). */
  rules: Plan;
  /** The checks that declare the place, stamped due when the walk meets it. */
  declared: readonly CheckCall[];
  elements: readonly ElementCall[];
  /**
   * Every attribute the spec lists, with the visitors of its type (often none), and the test of its
   * value that, when it holds, means none of them has anything to say (when each has one).
   */
  attributes: ReadonlyMap<string, TypedSlot>;
  /**
   * The attribute names met at each position of the last element here, with their slots (undefined: not
   * listed): the elements of one path mostly have the same attributes in the same order, and the parser's
   * names are V8's internalized strings, so the walk compares pointers instead of looking each name up.
   */
  lastNames: string[];
  lastSlots: (TypedSlot | undefined)[];
  /** Whether an attribute the spec does not list is news to `unlisted`. */
  judgesUnlisted: boolean;
  /**
   * The bits (TypedSlot.requiredBit) of the attributes the spec requires, when `lacking` has visitors and
   * the spec requires any; 0 otherwise, and -1 when it requires more than REQUIRED_BITS (then every element
   * here is theirs).
   */
  required: number;
  text: TypedSlot | undefined;
}

/** A typed attribute or text of one element path: its type, the visitors of the type and the test that they have nothing to say. */
interface TypedSlot {
  type: ValueType;
  visitors: readonly ValueCall[];
  fine: FineTest | undefined;
  /**
   * Values `fine` passed here, at most one per place of FINE_VALUES_KEPT (chosen by fineIndex): values
   * repeat from element to element (`type='pci'`, then `'usb'`, then `'pci'` again), and comparing with
   * the one kept where a value would go is cheaper than the test, and than comparing with each of a few
   * (a string comparison is a call). Only short ones, copied by V8, never a slice that would keep its
   * document's text alive.
   */
  fineValues: (string | undefined)[];
  /** This attribute's bit in PlacePlan.required when the spec requires it; 0 when it does not. */
  requiredBit: number;
}

/** How many required attributes of a spec the walk tells apart by a bit each. */
const REQUIRED_BITS = 30;

/** How many attribute positions a place remembers the names of. */
const LAST_NAMES_KEPT = 16;

/** Values up to this long are copied by V8 when sliced out of a text (longer ones are views into it). */
const FINE_VALUE_LENGTH = 12;

/** How many places for values that passed a slot's test it has (a power of two). */
const FINE_VALUES_KEPT = 8;

function newFineValues(): (string | undefined)[] {
  return new Array<string | undefined>(FINE_VALUES_KEPT).fill(undefined);
}

/** Where in fineValues a value goes: from its length and its first and last code units (`0x01` and `0x02` apart, `yes` and `no` apart). */
function fineIndex(value: string, length: number): number {
  return (length * 7 + value.charCodeAt(0) + value.charCodeAt(length - 1) * 3) & (FINE_VALUES_KEPT - 1);
}

/** Whether a value needs none of the slot's visitors. */
function isFine(slot: TypedSlot, value: string): boolean {
  const { length } = value;
  if (length === 0 || length > FINE_VALUE_LENGTH) return slot.fine !== undefined && slot.fine(value);
  const index = fineIndex(value, length);
  const { fineValues } = slot;
  if (fineValues[index] === value) return true;
  if (slot.fine === undefined || !slot.fine(value)) return false;
  fineValues[index] = value;
  return true;
}

/** Who the walk calls, worked out once per list of rules. */
interface Plan {
  /** In rule order; `places` are those of the rule's `paths`, undefined when it has none (called on every document). */
  checks: CheckCall[];
  /**
   * The checks whose needs a context meets, in rule order, by the mask of what it has (needMask): made
   * when a context of that kind first comes, so a document costs no test of what each rule needs.
   */
  runnable: (CheckCall[] | undefined)[];
  /** The checks that declare each place, for the walk to mark them due as it meets the place. */
  declared: Map<Place, CheckCall[]>;
  elements: ElementCall[];
  unlisted: { index: number; visit: NonNullable<ElementVisitor['unlistedAttributes']> }[];
  lacking: { index: number; visit: NonNullable<ElementVisitor['lackingAttributes']> }[];
  noText: { index: number; visit: NonNullable<ElementVisitor['noText']> }[];
  /** The value visitors of each kind, in rule order. */
  values: Map<Kind, ValueCall[]>;
  misplaced: { index: number; visit: NonNullable<ElementVisitor['misplaced']> }[];
  /** Each rule's report function, made once: it hands the report to the run under way. */
  reports: DomainReport[];
  /** Whether a check reads given paths only, so the walk must run to mark the places met. */
  marks: boolean;
  /** The walker of this list, made at its first document. */
  walker?: Walker;
}

interface CheckCall {
  index: number;
  rule: DomainRule & { check: NonNullable<DomainRule['check']> };
  places: readonly Place[] | undefined;
  /** What the rule needs (its `needs`) as a mask of NEEDS bits. */
  needs: number;
  /** The stamp of the last run that met one of its places (a number: a plan must not keep a document alive). */
  due: number;
}

const NEEDS = { host: 1, guests: 2, bootHugepages: 4 } as const;

/** What the context has of what rules may need, as a mask of NEEDS bits. */
function needMask(context: DomainRuleContext): number {
  return (context.host ? NEEDS.host : 0) | (context.guests?.length ? NEEDS.guests : 0) | (context.bootHugepages ? NEEDS.bootHugepages : 0);
}

/** The checks of the plan a context with these NEEDS bits runs, in rule order. */
function runnableChecks(plan: Plan, have: number): readonly CheckCall[] {
  return (plan.runnable[have] ??= plan.checks.filter((check) => (check.needs & ~have) === 0));
}

const NO_CHECKS: readonly CheckCall[] = [];

/** The document being walked: where its reports go, and the rules that failed on it. */
interface Run {
  onReport(index: number, report: Report): void;
  failed: Set<number> | undefined;
  /** This run's number, which the walk leaves on the places it meets (a number: a place must not keep a document alive). */
  stamp: number;
}

let run: Run | undefined;
let runs = 0;

// Keyed by the (long-lived) lists of rules: DOMAIN_RULES, or a test's own list.
const plans = new WeakMap<readonly DomainRule[], Plan>();

function planFor(rules: readonly DomainRule[]): Plan {
  let plan = plans.get(rules);
  if (plan) return plan;
  const reports = rules.map((_rule, index) => (report: Report) => {
    if (run && !run.failed?.has(index)) run.onReport(index, report);
  });
  plan = { checks: [], runnable: [], declared: new Map(), elements: [], unlisted: [], lacking: [], noText: [], values: new Map(), misplaced: [], reports, marks: false };
  rules.forEach((rule, index) => {
    if (rule.check) {
      const needs = (rule.needs ?? []).reduce((mask, need) => mask | NEEDS[need], 0);
      const call: CheckCall = { index, rule: rule as CheckCall['rule'], places: rule.paths?.map((path) => declaredPlace(rule, path)), needs, due: 0 };
      plan!.checks.push(call);
      for (const place of call.places ?? []) {
        const list = plan!.declared.get(place);
        if (list) list.push(call);
        else plan!.declared.set(place, [call]);
      }
    }
    const visit = rule.visit;
    if (!visit) return;
    if (visit.element) plan!.elements.push({ index, visit: visit.element, at: visit.at });
    if (visit.unlistedAttributes) plan!.unlisted.push({ index, visit: visit.unlistedAttributes });
    if (visit.lackingAttributes) plan!.lacking.push({ index, visit: visit.lackingAttributes });
    if (visit.noText) plan!.noText.push({ index, visit: visit.noText });
    if (visit.values) {
      for (const kind of new Set(visit.values.kinds)) {
        const visitors = plan!.values.get(kind) ?? [];
        visitors.push({ index, visit: visit.values.visit, fine: visit.values.fine });
        plan!.values.set(kind, visitors);
      }
    }
    if (visit.misplaced) plan!.misplaced.push({ index, visit: visit.misplaced });
  });
  plan.marks = plan.checks.some((check) => check.places !== undefined);
  plans.set(rules, plan);
  return plan;
}

/**
 * Runs the rules over one document: each `check` once, then one walk of the tree that calls every
 * `visit` where it applies. `onReport` gets each report with the index of its rule, in the order the
 * rules would report running one after another per element. A rule that throws is a bug in virt-tune,
 * not in the user's file: it is logged and its rule says nothing more on this document, so the other
 * rules still speak.
 */
export function walkRules(rules: readonly DomainRule[], context: DomainRuleContext, onReport: (index: number, report: Report) => void): void {
  const outer = run;
  const current: Run = { onReport, failed: undefined, stamp: ++runs };
  run = current;
  try {
    walkWith(planFor(rules), rules, context, current);
  } finally {
    run = outer;
  }
}

function declaredPlace(rule: DomainRule, path: string): Place {
  const place = placeAt(path);
  if (!place) throw new Error(`rule ${rule.meta.code} reads ${path}, a path the structure does not know`);
  return place;
}

/** The place's PlacePlan for the plan, made when the place is first met with it. */
function placePlan(plan: Plan, place: Place, spec: ElementSpec): PlacePlan {
  const visits = place.visits as PlacePlan | undefined;
  return visits !== undefined && visits.rules === plan ? visits : newPlacePlan(plan, place, spec);
}

function newPlacePlan(plan: Plan, place: Place, spec: ElementSpec): PlacePlan {
  const attributes = new Map<string, TypedSlot>();
  let required = 0;
  let requiredCount = 0;
  for (const [name, attribute] of attributeSpecsOf(spec)) {
    const visitors = plan.values.get(attribute.type.kind) ?? [];
    const requiredBit = attribute.required && plan.lacking.length > 0 && requiredCount < REQUIRED_BITS ? 1 << requiredCount : 0;
    if (attribute.required) requiredCount++;
    required |= requiredBit;
    attributes.set(name, { type: attribute.type, visitors, fine: fineTest(visitors, attribute.type), fineValues: newFineValues(), requiredBit });
  }
  const textVisitors = spec.text && plan.values.get(spec.text.kind);
  const value: PlacePlan = {
    rules: plan,
    declared: plan.declared.get(place) ?? NO_CHECKS,
    elements: plan.elements.filter((call) => !call.at || call.at(spec)),
    attributes,
    lastNames: [],
    lastSlots: [],
    judgesUnlisted: spec.attributesKnown && plan.unlisted.length > 0,
    required: plan.lacking.length > 0 && requiredCount > REQUIRED_BITS ? -1 : required,
    text: spec.text && textVisitors ? { type: spec.text, visitors: textVisitors, fine: fineTest(textVisitors, spec.text), fineValues: newFineValues(), requiredBit: 0 } : undefined,
  };
  place.visits = value;
  return value;
}

/** The test that a value needs none of the visitors; undefined when one of them has no such test. */
function fineTest(visitors: readonly ValueCall[], type: ValueType): FineTest | undefined {
  const tests: FineTest[] = [];
  for (const { fine } of visitors) {
    const test = fine?.(type);
    if (!test) return undefined;
    tests.push(test);
  }
  if (tests.length === 1) return tests[0];
  return tests.length === 0 ? undefined : (value) => tests.every((test) => test(value));
}

/**
 * Whether an element's text is one text node whose trimmed value passes `fine` (the common `<vcpu>2</vcpu>`),
 * so its typed value need not be made; false for anything else, which then goes the long way.
 */
function fineText(element: XmlElement, slot: TypedSlot): boolean {
  const { children } = element;
  if (children.length !== 1) return false;
  const only = children[0]!;
  return only.kind === 'text' && isFine(slot, only.value.trim());
}

function walkWith(plan: Plan, rules: readonly DomainRule[], context: DomainRuleContext, current: Run): void {
  let own = (plan.walker ??= new Walker(plan, rules));
  if (own.busy) own = new Walker(plan, rules);
  own.begin(context, current);
  try {
    own.walk();
    // After the walk, which has stamped the checks whose places it met: a rule that reads given paths
    // only is not called on a document without them. Called in rule order, as one after another would
    // be (the reports are sorted anyway).
    // A run started inside this one (a visitor linting another document) stamps later: at worst a check
    // is then called on a document without its paths, where it finds nothing.
    const checks = runnableChecks(plan, needMask(context));
    const { stamp } = current;
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i]!;
      if (check.places === undefined || check.due >= stamp) callCheck(check, context, own);
    }
  } finally {
    own.end();
  }
}

function callCheck(call: CheckCall, context: DomainRuleContext, walker: Walker): void {
  const { index, rule } = call;
  try {
    rule.check(context, walker.plan.reports[index]!);
  } catch (error) {
    walker.fail(index, error);
  }
}

/**
 * The one walk of the tree: every visitor where it applies, and each place met marked. One per list of
 * rules, kept and given each document in turn, so a document costs no closures (a rule that lints
 * another document while one is walked gets a walker of its own).
 */
class Walker implements StructureVisitor {
  busy = false;
  private context: DomainRuleContext | undefined;
  private current: Run | undefined;
  /** Whether the walk has anything to do: a visitor, or a check that reads given paths. */
  private readonly needed: boolean;

  constructor(
    readonly plan: Plan,
    private readonly rules: readonly DomainRule[],
  ) {
    this.needed = plan.marks || plan.elements.length > 0 || plan.unlisted.length > 0 || plan.lacking.length > 0 || plan.noText.length > 0 || plan.values.size > 0 || plan.misplaced.length > 0;
  }

  begin(context: DomainRuleContext, current: Run): void {
    this.busy = true;
    this.context = context;
    this.current = current;
  }

  /** Drops the document, so the kept walker does not keep it alive. */
  end(): void {
    this.busy = false;
    this.context = undefined;
    this.current = undefined;
  }

  walk(): void {
    if (this.needed) walkStructure(this.context!.xml, this);
  }

  private failed(index: number): boolean {
    const { failed } = this.current!;
    return failed !== undefined && failed.has(index);
  }

  fail(index: number, error: unknown): void {
    if (this.failed(index)) return;
    (this.current!.failed ??= new Set()).add(index);
    console.error(`virt-tune: rule ${this.rules[index]!.meta.code} failed on ${this.context!.document.textDocument.uri}:`, error);
  }

  private onValue(visitors: readonly ValueCall[], value: TypedValue): void {
    const { reports } = this.plan;
    const context = this.context!;
    for (let i = 0; i < visitors.length; i++) {
      const { index, visit } = visitors[i]!;
      if (this.failed(index)) continue;
      try {
        visit(value, context, reports[index]!);
      } catch (error) {
        this.fail(index, error);
      }
    }
  }

  private onElement(calls: readonly Pick<ElementCall, 'index' | 'visit'>[], element: XmlElement, spec: ElementSpec): void {
    const { reports } = this.plan;
    const context = this.context!;
    for (let i = 0; i < calls.length; i++) {
      const { index, visit } = calls[i]!;
      if (this.failed(index)) continue;
      try {
        visit(element, spec, context, reports[index]!);
      } catch (error) {
        this.fail(index, error);
      }
    }
  }

  /** Marks the place met by this run, and the checks that declare it due. */
  private mark(place: Place, declared: readonly CheckCall[]): void {
    const { stamp } = this.current!;
    if (place.met === stamp) return;
    place.met = stamp;
    for (let i = 0; i < declared.length; i++) declared[i]!.due = stamp;
  }

  placed(element: XmlElement, place: Place): void {
    // A place without a spec is declared by no check (placeAt gives none): there is nothing to mark.
    const { spec } = place;
    if (!spec) return;
    const { plan } = this;
    const placePlanned = placePlan(plan, place, spec);
    this.mark(place, placePlanned.declared);
    const { xml } = this.context!;
    const { elements, judgesUnlisted, required, text, lastNames, lastSlots } = placePlanned;
    if (elements.length > 0) this.onElement(elements, element, spec);
    let unlisted = false;
    let requiredMet = 0;
    const { attributes: present } = element;
    for (let i = 0; i < present.length; i++) {
      const attribute = present[i]!;
      const { name } = attribute;
      let listed: TypedSlot | undefined;
      if (i < lastNames.length && lastNames[i] === name) {
        listed = lastSlots[i];
      } else {
        listed = placePlanned.attributes.get(name);
        // Only a listed name is kept: it is the parser's copy, never a slice of the document's text.
        if (listed !== undefined && i <= lastNames.length && i < LAST_NAMES_KEPT) {
          lastNames[i] = name;
          lastSlots[i] = listed;
        }
      }
      if (listed === undefined) {
        unlisted = true;
        continue;
      }
      requiredMet |= listed.requiredBit;
      if (listed.visitors.length === 0) continue;
      if (attribute.value !== undefined && isFine(listed, attribute.value)) continue;
      const value = typedAttributeValue(xml, element, spec, attribute, listed.type);
      if (value) this.onValue(listed.visitors, value);
    }
    if (text && !fineText(element, text)) {
      const value = typedText(xml, element, spec, text.type);
      if (value) this.onValue(text.visitors, value);
      else if (plan.noText.length > 0) this.onElement(plan.noText, element, spec);
    }
    if (unlisted && judgesUnlisted) this.onElement(plan.unlisted, element, spec);
    if (requiredMet !== required) this.onElement(plan.lacking, element, spec);
  }

  foreign(_element: XmlElement, place: Place): void {
    // walkStructure gives foreign elements at known paths only.
    if (place.spec) this.mark(place, placePlan(this.plan, place, place.spec).declared);
  }

  misplaced(misplacement: Misplacement): void {
    const { reports, misplaced } = this.plan;
    const context = this.context!;
    for (let i = 0; i < misplaced.length; i++) {
      const { index, visit } = misplaced[i]!;
      if (this.failed(index)) continue;
      try {
        visit(misplacement, context, reports[index]!);
      } catch (error) {
        this.fail(index, error);
      }
    }
  }
}

/** The rules' findings on one document, in document order (and, at one place, in rule order). */
export function runDomainRules(document: TextDocument, rules: readonly DomainRule[], context: DomainRuleContext): Finding[] {
  const found: { index: number; finding: Finding }[] = [];
  walkRules(rules, context, (index, report) => {
    const rule = rules[index]!;
    found.push({ index, finding: toFinding(document, rule.meta.code, rule.meta.severity, report) });
  });
  // Stable: reports of one rule at one place keep the order it made them in.
  found.sort((a, b) => {
    const x = a.finding.range.start;
    const y = b.finding.range.start;
    return x.line - y.line || x.character - y.character || a.index - b.index;
  });
  return found.map((entry) => entry.finding);
}
