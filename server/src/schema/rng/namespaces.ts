import type { XmlElement } from '../../xml/types';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/**
 * The namespace prefixes in force at an element: its own xmlns attributes over its parent's. An element
 * that declares none shares its parent's scope, so most elements cost nothing here.
 */
export class NamespaceScope {
  static readonly ROOT = new NamespaceScope(undefined, new Map([['xml', XML_NAMESPACE], ['xmlns', XMLNS_NAMESPACE]]));

  /** The default namespace here ('' when none is declared), what uri('') answers. */
  readonly defaultNamespace: string;

  private constructor(
    private readonly parent: NamespaceScope | undefined,
    private readonly bindings: ReadonlyMap<string, string>,
  ) {
    this.defaultNamespace = bindings.get('') ?? parent?.defaultNamespace ?? '';
  }

  /** The scope inside `element`, whose parent's scope is this one. */
  enter(element: XmlElement): NamespaceScope {
    let bindings: Map<string, string> | undefined;
    const { attributes } = element;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const { name } = attribute;
      // Most attributes do not start with 'x': one comparison each.
      if (name.charCodeAt(0) !== 0x78) continue;
      if (name === 'xmlns') (bindings ??= new Map()).set('', attribute.value ?? '');
      // xmlns:p="" binds nothing in XML 1.0: libxml2 reports it and reads on with p as it was.
      else if (name.startsWith('xmlns:') && attribute.value) (bindings ??= new Map()).set(name.slice(6), attribute.value);
    }
    return bindings ? new NamespaceScope(this, bindings) : this;
  }

  /** The URI a prefix stands for ('' the default namespace, which is '' when none is declared); undefined when unbound. */
  uri(prefix: string): string | undefined {
    if (prefix === '') return this.defaultNamespace;
    for (let scope: NamespaceScope | undefined = this; scope; scope = scope.parent) {
      const uri = scope.bindings.get(prefix);
      if (uri !== undefined) return uri;
    }
    return prefix === '' ? '' : undefined;
  }
}

/** Whether an attribute is a namespace declaration rather than an attribute of the document. */
export function isNamespaceDeclaration(name: string): boolean {
  return name.charCodeAt(0) === 0x78 && (name === 'xmlns' || name.startsWith('xmlns:'));
}

/** `qemu:commandline` is prefix `qemu` and local name `commandline`; `disk` has prefix ''. */
export function splitQName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}
