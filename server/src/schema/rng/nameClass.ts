/**
 * RelaxNG name classes (the spec's section 4.16 form: names, anyName, nsName, choice, each `except`
 * already folded in). A name is matched as namespace URI and local name.
 */
export type NameClass =
  | { readonly kind: 'name'; readonly ns: string; readonly local: string }
  | { readonly kind: 'anyName'; readonly except: NameClass | undefined }
  | { readonly kind: 'nsName'; readonly ns: string; readonly except: NameClass | undefined }
  | { readonly kind: 'choice'; readonly a: NameClass; readonly b: NameClass };

export function containsName(nameClass: NameClass, ns: string, local: string): boolean {
  switch (nameClass.kind) {
    case 'name':
      return nameClass.local === local && nameClass.ns === ns;
    case 'anyName':
      return nameClass.except === undefined || !containsName(nameClass.except, ns, local);
    case 'nsName':
      return nameClass.ns === ns && (nameClass.except === undefined || !containsName(nameClass.except, ns, local));
    case 'choice':
      return containsName(nameClass.a, ns, local) || containsName(nameClass.b, ns, local);
  }
}

/** A named name in a class, as the spec's `name` pattern holds it. */
export interface QualifiedName {
  ns: string;
  local: string;
}

/** The plain names a class lists, and whether it also takes names it does not list (anyName, nsName). */
export function listedNames(nameClass: NameClass, out: QualifiedName[] = []): { names: QualifiedName[]; open: boolean } {
  let open = false;
  const walk = (current: NameClass): void => {
    if (current.kind === 'name') out.push({ ns: current.ns, local: current.local });
    else if (current.kind === 'choice') {
      walk(current.a);
      walk(current.b);
    } else open = true;
  };
  walk(nameClass);
  return { names: out, open };
}

/** How a name class reads in a message: `disk`, `{http://libvirt.org/schemas/domain/qemu/1.0}commandline`, `any element`. */
export function describeNameClass(nameClass: NameClass): string {
  switch (nameClass.kind) {
    case 'name':
      return nameClass.ns === '' ? nameClass.local : `{${nameClass.ns}}${nameClass.local}`;
    case 'anyName':
      return 'any name';
    case 'nsName':
      return `any name in ${nameClass.ns || 'no namespace'}`;
    case 'choice':
      return `${describeNameClass(nameClass.a)} or ${describeNameClass(nameClass.b)}`;
  }
}
