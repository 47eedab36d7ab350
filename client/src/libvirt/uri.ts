import { Uri } from 'vscode';
import { LIBVIRT_SCHEME } from '../../../server/src/protocol';

/** `libvirt:/NAME.xml`: a domain's persistent definition as an editor document. */
export function domainUri(name: string): Uri {
  return Uri.from({ scheme: LIBVIRT_SCHEME, path: `/${name}.xml` });
}

/** The domain name of a `libvirt:` URI; undefined for anything else. */
export function domainName(uri: Uri): string | undefined {
  if (uri.scheme !== LIBVIRT_SCHEME) return undefined;
  const match = /^\/([^/]+)\.xml$/.exec(uri.path);
  return match?.[1];
}
