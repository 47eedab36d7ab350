import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toFinding } from '../../core/report';
import type { Finding, Report } from '../../core/types';
import type { ElementSpec, ValueType } from '../../kb/types';
import type { XmlElement } from '../../xml/types';
import type { DocumentRule, DomainReport, DomainRule, DomainRuleContext, ElementVisitor } from './context';
import { attributeSpecsOf } from './structure/attribute-names';
import { placeAt, walkStructure, type Misplacement, type Place } from './structure/placement';
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
  elements: readonly ElementCall[];
  /**
   * Every attribute the spec lists, with the visitors of its type (often none), and the test of its
   * value that, when it holds, means none of them has anything to say (when each has one).
   */
  attributes: ReadonlyMap<string, { type: ValueType; visitors: readonly ValueCall[]; fine: FineTest | undefined }>;
  /** Whether an attribute the spec does not list is news to `unlisted`. */
  judgesUnlisted: boolean;
  text: { type: ValueType; visitors: readonly ValueCall[]; fine: FineTest | undefined } | undefined;
}

/** Who the walk calls, worked out once per list of rules. */
interface Plan {
  /** In rule order; `places` are those of the rule's `paths`, undefined when it has none (called on every document). */
  checks: { index: number; rule: DomainRule & { check: NonNullable<DomainRule['check']> }; places: readonly Place[] | undefined; needs: DocumentRule['needs'] }[];
  elements: ElementCall[];
  unlisted: { index: number; visit: NonNullable<ElementVisitor['unlistedAttributes']> }[];
  /** The value visitors of each kind, in rule order. */
  values: Map<Kind, ValueCall[]>;
  misplaced: { index: number; visit: NonNullable<ElementVisitor['misplaced']> }[];
  /** Each rule's report function, made once: it hands the report to the run under way. */
  reports: DomainReport[];
  /** Whether a check reads given paths only, so the walk must run to mark the places met. */
  marks: boolean;
}

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
  plan = { checks: [], elements: [], unlisted: [], values: new Map(), misplaced: [], reports, marks: false };
  rules.forEach((rule, index) => {
    if (rule.check) plan!.checks.push({ index, rule: rule as Plan['checks'][number]['rule'], places: rule.paths?.map((path) => declaredPlace(rule, path)), needs: rule.needs });
    const visit = rule.visit;
    if (!visit) return;
    if (visit.element) plan!.elements.push({ index, visit: visit.element, at: visit.at });
    if (visit.unlistedAttributes) plan!.unlisted.push({ index, visit: visit.unlistedAttributes });
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

/** Whether the context has everything the rule needs. */
function hasNeeds(needs: NonNullable<DocumentRule['needs']>, context: DomainRuleContext): boolean {
  for (let i = 0; i < needs.length; i++) {
    const need = needs[i]!;
    if (need === 'host' ? !context.host : need === 'guests' ? !context.guests?.length : !context.bootHugepages) return false;
  }
  return true;
}

/** Whether the walk that just ran placed an element at one of the places. */
function metAny(places: readonly Place[], current: Run): boolean {
  for (let i = 0; i < places.length; i++) if (places[i]!.met === current.stamp) return true;
  return false;
}

function placePlan(plan: Plan, place: Place, spec: ElementSpec): PlacePlan {
  const { visits } = place;
  if (visits !== undefined && visits.rules === plan) return visits.value as PlacePlan;
  const attributes = new Map<string, { type: ValueType; visitors: readonly ValueCall[]; fine: FineTest | undefined }>();
  for (const [name, attribute] of attributeSpecsOf(spec)) {
    const visitors = plan.values.get(attribute.type.kind) ?? [];
    attributes.set(name, { type: attribute.type, visitors, fine: fineTest(visitors, attribute.type) });
  }
  const textVisitors = spec.text && plan.values.get(spec.text.kind);
  const value: PlacePlan = {
    elements: plan.elements.filter((call) => !call.at || call.at(spec)),
    attributes,
    judgesUnlisted: spec.attributesKnown && plan.unlisted.length > 0,
    text: spec.text && textVisitors ? { type: spec.text, visitors: textVisitors, fine: fineTest(textVisitors, spec.text) } : undefined,
  };
  place.visits = { rules: plan, value };
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
function fineText(element: XmlElement, fine: FineTest): boolean {
  const { children } = element;
  if (children.length !== 1) return false;
  const only = children[0]!;
  return only.kind === 'text' && fine(only.value.trim());
}

function walkWith(plan: Plan, rules: readonly DomainRule[], context: DomainRuleContext, current: Run): void {
  const { reports } = plan;
  const failed = (index: number) => current.failed !== undefined && current.failed.has(index);
  const fail = (index: number, error: unknown) => {
    if (failed(index)) return;
    (current.failed ??= new Set()).add(index);
    console.error(`virt-tune: rule ${rules[index]!.meta.code} failed on ${context.document.textDocument.uri}:`, error);
  };
  walkElements(plan, context, current, fail);
  // After the walk, which has marked the places it met: a rule that reads given paths only is not
  // called on a document without them. The order of the calls does not matter: the reports are sorted.
  const { checks } = plan;
  for (let i = 0; i < checks.length; i++) {
    const { index, rule, places, needs } = checks[i]!;
    if (needs !== undefined && !hasNeeds(needs, context)) continue;
    if (places !== undefined && !metAny(places, current)) continue;
    try {
      rule.check(context, reports[index]!);
    } catch (error) {
      fail(index, error);
    }
  }
}

/** The one walk of the tree: every visitor where it applies, and each place met marked. */
function walkElements(plan: Plan, context: DomainRuleContext, current: Run, fail: (index: number, error: unknown) => void): void {
  if (!plan.marks && plan.elements.length === 0 && plan.unlisted.length === 0 && plan.values.size === 0 && plan.misplaced.length === 0) return;
  const { reports } = plan;
  const failed = (index: number) => current.failed !== undefined && current.failed.has(index);
  const { xml } = context;
  const onValue = (visitors: readonly ValueCall[], value: TypedValue) => {
    for (let i = 0; i < visitors.length; i++) {
      const { index, visit } = visitors[i]!;
      if (failed(index)) continue;
      try {
        visit(value, context, reports[index]!);
      } catch (error) {
        fail(index, error);
      }
    }
  };
  const onElement = (calls: readonly Pick<ElementCall, 'index' | 'visit'>[], element: XmlElement, spec: NonNullable<Place['spec']>) => {
    for (let i = 0; i < calls.length; i++) {
      const { index, visit } = calls[i]!;
      if (failed(index)) continue;
      try {
        visit(element, spec, context, reports[index]!);
      } catch (error) {
        fail(index, error);
      }
    }
  };
  walkStructure(xml, {
    placed(element: XmlElement, place: Place) {
      place.met = current.stamp;
      const { spec } = place;
      if (!spec) return;
      const { elements, attributes, judgesUnlisted, text } = placePlan(plan, place, spec);
      onElement(elements, element, spec);
      let unlisted = false;
      const { attributes: present } = element;
      for (let i = 0; i < present.length; i++) {
        const attribute = present[i]!;
        const listed = attributes.get(attribute.name);
        if (listed === undefined) {
          unlisted = true;
          continue;
        }
        if (listed.visitors.length === 0) continue;
        const { fine } = listed;
        if (fine !== undefined && attribute.value !== undefined && fine(attribute.value)) continue;
        const value = typedAttributeValue(xml, element, spec, attribute, listed.type);
        if (value) onValue(listed.visitors, value);
      }
      if (text && !(text.fine !== undefined && fineText(element, text.fine))) {
        const value = typedText(xml, element, spec, text.type);
        if (value) onValue(text.visitors, value);
      }
      if (unlisted && judgesUnlisted) onElement(plan.unlisted, element, spec);
    },
    foreign(_element: XmlElement, place: Place) {
      place.met = current.stamp;
    },
    misplaced(misplacement: Misplacement) {
      for (const { index, visit } of plan.misplaced) {
        if (failed(index)) continue;
        try {
          visit(misplacement, context, reports[index]!);
        } catch (error) {
          fail(index, error);
        }
      }
    },
  });
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
