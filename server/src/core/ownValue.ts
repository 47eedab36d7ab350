/**
 * The value a record literal holds for a key the user wrote, or undefined: only its own keys count. Indexed
 * plainly, a record also answers the names of Object's prototype (`constructor`, `toString`, `__proto__`),
 * and a value such as enable='constructor' came back as a function, shown as "Did you mean 'function
 * Object() { [native code] }'?" and offered as a fix.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
