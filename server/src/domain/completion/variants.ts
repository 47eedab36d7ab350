import type { AllowedAttribute, AllowedElement, AllowedHere, AllowedOptions } from '../../schema/rng/allowed';
import type { XmlAttribute, XmlDocument, XmlElement } from '../../xml/types';
import type { CompletionSite } from './site';

/**
 * libvirt's RelaxNG schema in use (virtTune.schema), able to say what an element allows per variant:
 * after `<disk type='file'>` its `<source>` takes `file`, after `type='block'` `dev`. Completion then
 * offers what fits; without it, what the built-in structure allows at the element's path.
 */
export interface SchemaVariants {
  allowedAt(xml: XmlDocument, element: XmlElement, options?: AllowedOptions): AllowedHere | undefined;
}

/**
 * The attributes `element` may still take in its variant, by name, the one being typed left out (as
 * though not written); undefined without a schema, or when the schema cannot place the element.
 */
export function fittingAttributes(site: CompletionSite, element: XmlElement, typing: XmlAttribute | undefined): Map<string, AllowedAttribute> | undefined {
  // The attributes it may take do not depend on its children: none is derived (a <devices> has hundreds).
  const allowed = site.variants?.allowedAt(site.document.xml, element, typing ? { leaveOut: typing, children: 0 } : { children: 0 });
  if (!allowed) return undefined;
  return new Map(allowed.attributeChoices.filter((choice) => writable(choice.name)).map((choice) => [choice.name, choice]));
}

/**
 * The elements that may come next in `parent` in its variant, after its children that start before the
 * cursor (`typing`, the element whose tag is being typed or renamed, not counted), each with the
 * attributes it needs there; undefined without a schema or when the schema cannot place `parent`.
 */
export function fittingChildren(site: CompletionSite, parent: XmlElement, typing: XmlElement | undefined): AllowedElement[] | undefined {
  if (!site.variants) return undefined;
  let before = 0;
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.kind !== 'element' || child === typing) continue;
    if (child.span.start >= site.offset) break;
    before++;
  }
  return site.variants.allowedAt(site.document.xml, parent, { children: before })?.elementChoices.filter((choice) => writable(choice.name));
}

/** A name the document can write as it is: not `{namespace}name` (no prefix bound to it), not `any name`. */
function writable(name: string): boolean {
  return !name.startsWith('{') && !name.includes(' ');
}
