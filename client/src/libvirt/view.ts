import { EventEmitter, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState, type Event, type TreeDataProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIBVIRT_DOMAINS_REQUEST, roundedKiB, type LibvirtDomainView, type LibvirtDomainsResult } from '../../../server/src/protocol';
import { domainUri } from './uri';

/** The view's id in package.json (contributes.views, in the `virtTune` activity bar container). */
export const LIBVIRT_VIEW_ID = 'virtTune.libvirt';
export const OPEN_DOMAIN_COMMAND = 'virt-tune.libvirt.openDomain';

type Node = { kind: 'domain'; domain: LibvirtDomainView } | { kind: 'message'; text: string };

/** One line of facts for a domain: state, autostart, vCPUs, memory, pinned. */
export function domainFacts(domain: LibvirtDomainView): string {
  return [
    domain.state,
    domain.autostart ? 'autostart' : undefined,
    domain.vcpus === null ? undefined : `${domain.vcpus} vCPU${domain.vcpus === 1 ? '' : 's'}`,
    domain.memoryKiB === null ? undefined : roundedKiB(domain.memoryKiB),
    domain.pinned === null ? undefined : domain.pinned ? 'pinned' : 'not pinned',
    domain.persistent ? undefined : 'transient',
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/** libvirt's domains of the `virtTune.libvirt` connection, asked of the language server. */
export class LibvirtDomainsView implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  private last: LibvirtDomainsResult | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The domains as last listed (for the quick pick), asked again. */
  async domains(): Promise<LibvirtDomainsResult> {
    this.last = await this.client.sendRequest<LibvirtDomainsResult>(LIBVIRT_DOMAINS_REQUEST);
    return this.last;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return [];
    let result: LibvirtDomainsResult;
    try {
      result = await this.domains();
    } catch (error) {
      return [{ kind: 'message', text: `The language server did not answer: ${error instanceof Error ? error.message : String(error)}` }];
    }
    if (result.problem && result.domains.length === 0) return [{ kind: 'message', text: result.problem }];
    if (result.domains.length === 0) return [{ kind: 'message', text: `No domains defined at ${result.uri}.` }];
    return [...result.domains].sort((a, b) => a.name.localeCompare(b.name)).map((domain) => ({ kind: 'domain', domain }));
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'message') {
      const item = new TreeItem(node.text, TreeItemCollapsibleState.None);
      item.iconPath = new ThemeIcon('info');
      item.tooltip = node.text;
      return item;
    }
    const { domain } = node;
    const item = new TreeItem(domain.name, TreeItemCollapsibleState.None);
    item.description = domainFacts(domain);
    item.iconPath = new ThemeIcon(domain.state === 'running' ? 'vm-running' : domain.state === 'paused' ? 'debug-pause' : 'vm-outline');
    item.tooltip = new MarkdownString(`**${domain.name}** (${this.last?.uri ?? 'libvirt'})\n\n${domainFacts(domain)}\n\nuuid \`${domain.uuid}\``);
    item.contextValue = 'libvirtDomain';
    item.id = `libvirt-domain-${domain.name}`;
    item.command = { command: OPEN_DOMAIN_COMMAND, title: 'Open', arguments: [domain.name] };
    item.resourceUri = domainUri(domain.name);
    return item;
  }
}
