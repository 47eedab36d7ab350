import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind, Finding } from '../core/types';
import { allDiagnostics, serviceFor, type LanguageService, type ServiceOptions } from '../services';
import { UsageError } from './usage';

/** The language service of a kind, or a usage error for a kind that has none yet. */
export function requireService(kind: FileKind): LanguageService {
  const service = serviceFor(kind);
  if (!service) throw new UsageError(`--kind ${kind} is not supported yet`);
  return service;
}

export function sourceDocument(path: string, kind: FileKind, text: string, version = 1): TextDocument {
  return TextDocument.create(fileUri(absolutePath(path)), kind === 'domain' ? 'xml' : kind, version, text);
}

/** A relative path of plain segments: none empty, none `.` or `..` (most paths a command line names). */
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;

/**
 * resolve(path), without normalizing a path that needs none: the working folder and the path joined
 * (resolve's normalizing was about 1% of a lint over libvirt's 2,321 test files, named one by one).
 */
export function absolutePath(path: string): string {
  if (sep !== '/' || !PLAIN_RELATIVE.test(path)) return resolve(path);
  const folder = process.cwd();
  return folder === '/' ? `/${path}` : `${folder}/${path}`;
}

/** Characters a file URL's path keeps as they are: a path of only these needs no encoding (most do). */
const PLAIN_PATH = /^[A-Za-z0-9/._+,=@-]*$/;

/** pathToFileURL(absolute).href, without building a URL for the paths it would leave unchanged (a run may name thousands). */
export function fileUri(absolute: string): string {
  return sep === '/' && PLAIN_PATH.test(absolute) ? `file://${absolute}` : pathToFileURL(absolute).href;
}

/** The findings of one text, the service's cache left clean afterwards (a CLI run may cover thousands of files). */
export function lintText(path: string, kind: FileKind, text: string, version = 1, options: ServiceOptions = {}): Finding[] {
  const service = requireService(kind);
  const document = sourceDocument(path, kind, text, version);
  try {
    return service.diagnostics(document, options);
  } finally {
    service.forget(document.uri);
  }
}

/** lintText with the findings that take time (libvirt's schema verdict, when a schema is chosen) awaited and merged in. */
export async function lintTextFully(path: string, kind: FileKind, text: string, version = 1, options: ServiceOptions = {}): Promise<Finding[]> {
  const service = requireService(kind);
  const document = sourceDocument(path, kind, text, version);
  try {
    return await allDiagnostics(service, document, options);
  } finally {
    service.forget(document.uri);
  }
}
