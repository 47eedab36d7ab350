/**
 * What a schema pattern asks for, in words a user reads, never the regular expression itself ("a UUID
 * such as 4dea22b3-1d52-d8f3-2516-782e98ab3fa0", "an absolute path", "a MAC address such as
 * 52:54:00:12:34:56"). Patterns libvirt's schema uses are named; others are described by their
 * characters, or not at all.
 */
const IPV4 = '(((25[0-5])|(2[0-4][0-9])|(1[0-9]{2})|([1-9][0-9])|([0-9]))\\.){3}((25[0-5])|(2[0-4][0-9])|(1[0-9]{2})|([1-9][0-9])|([0-9]))';

const NAMED: Readonly<Record<string, string>> = {
  '[a-fA-F0-9]{8}\\-([a-fA-F0-9]{4}\\-){3}[a-fA-F0-9]{12}': 'a UUID such as 4dea22b3-1d52-d8f3-2516-782e98ab3fa0',
  '[a-fA-F0-9]{32}': 'a UUID without dashes, such as 4dea22b31d52d8f32516782e98ab3fa0',
  '(/|[a-zA-Z]:\\\\).+': 'an absolute path',
  '/.*': 'an absolute path',
  '[a-fA-F0-9][02468aAcCeE](:[a-fA-F0-9]{2}){5}': 'a MAC address such as 52:54:00:12:34:56 (a unicast one: its first byte even)',
  '[a-fA-F0-9]{2}(:[a-fA-F0-9]{2}){5}': 'a MAC address such as 52:54:00:12:34:56',
  [IPV4]: 'an IPv4 address such as 192.168.122.1',
  '[0-9]+': 'a whole number',
  '-?[0-9]+': 'an integer',
  '-1': '-1',
  '.+': 'text that is not empty',
  '([0-9]+(-[0-9]+)?|\\^[0-9]+)(,([0-9]+(-[0-9]+)?|\\^[0-9]+))*': 'a list of ids and ranges such as 0-3,^2,8',
  '0[0-7]{3}|[0-7]{1,3}': 'an octal file mode such as 0644',
  '(naa\\.)[0-9a-fA-F]{16}': 'a SCSI WWN such as naa.5123456789abcdef',
  '[0-9]{1,2}.[0-9]{1,2}': 'a version such as 1.2',
  '((0x)?[0-9a-fA-F]{1,3}\\.){0,3}(0x)?[0-9a-fA-F]{1,3}': 'a CCW bus id such as 0.0.0001',
};

export function patternWords(xsd: string): string {
  const named = NAMED[xsd];
  if (named) return named;
  if (xsd.includes('[0-9A-Fa-f]{1,4}:') && xsd.includes('::')) return 'an IPv6 address such as fe80::1';
  if (xsd.includes('(fd|hd|sd|vd|xvd|ubd)')) return 'a disk target name such as vda, sdb or hdc';
  const choice = /^\(([\w-]+(?:\|[\w-]+)+)\)$/.exec(xsd);
  if (choice) {
    const values = (choice[1] ?? '').split('|').map((value) => `'${value}'`);
    return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  }
  const digits = /^\[0-9\]\{(\d+),(\d+)\}$/.exec(xsd);
  if (digits) return `a number of ${digits[1]} to ${digits[2]} digits`;
  const hex = /^(\(0x\)\?|0x)\[0-9a-fA-F\]\{1,(\d+)\}$/i.exec(xsd) ?? /^(\(0x\)\?|0x)\[a-fA-F0-9\]\{1,(\d+)\}$/i.exec(xsd);
  if (hex) return `a hexadecimal number of up to ${hex[2]} digits${hex[1] === '0x' ? ', written with 0x' : ' (0x optional)'}`;
  if (/^(\(0x\)\?|0x)/.test(xsd)) return 'a hexadecimal number such as 0x1f';
  const characters = /^\[([^\]]+)\](\+|\*|\{\d+(?:,\d+)?\})$/.exec(xsd);
  if (characters) return `${quantity(characters[2] ?? '+')} ${characterClass(characters[1] ?? '')}`;
  return 'a value of the form libvirt\'s schema defines there';
}

function quantity(quantifier: string): string {
  if (quantifier === '+') return 'one or more of';
  if (quantifier === '*') return 'any number of';
  const range = /\{(\d+)(?:,(\d+))?\}/.exec(quantifier);
  if (!range) return 'some of';
  if (range[2] === undefined) return `exactly ${range[1]} of`;
  return range[1] === '0' ? `up to ${range[2]} of` : `${range[1]} to ${range[2]} of`;
}

/** `a-zA-Z0-9_\.\-` -> "letters, digits, '_', '.' and '-'"; a negated class -> "any character but ...". */
function characterClass(body: string): string {
  if (body.startsWith('^')) {
    const excluded = body.slice(1).replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
    return `any characters but ${[...excluded].map((character) => (character === '\n' ? 'a line break' : `'${character}'`)).join(' or ')}`;
  }
  if (body === ' -~') return 'printable ASCII characters';
  const parts: string[] = [];
  let rest = body;
  for (const [range, words] of [['a-zA-Z', 'letters'], ['A-Za-z', 'letters'], ['a-z', 'lowercase letters'], ['A-Z', 'capital letters'], ['0-9', 'digits']] as const) {
    if (rest.includes(range)) {
      if (!parts.includes(words) && !(words !== 'letters' && parts.includes('letters') && words.endsWith('letters'))) parts.push(words);
      rest = rest.split(range).join('');
    }
  }
  const others = rest.replace(/\\s/g, ' ').replace(/\\(.)/g, '$1');
  for (const character of new Set(others)) parts.push(character === ' ' ? 'spaces' : `'${character}'`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'characters');
}
