import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements, firstChild } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';
import type { DomainModel } from '../../model';
import type { DomainRule } from '../context';
import { deviceIndex, spanOf, value } from './devices';

/** The character devices of a domain: the element whose `type` says the backend, and its `<source>`s' parent. */
interface Chardev {
  /** `<serial>`, `<channel>`, ... or the `<backend>` of an `<rng>`. */
  element: XmlElement;
  type: string;
  /** The device the user sees (`serial`, `channel`, `smartcard`, `rng`, ...). */
  device: string;
}

const CHARDEV_ELEMENTS: ReadonlySet<string> = new Set(['serial', 'parallel', 'console', 'channel', 'redirdev']);

function chardevs(xml: XmlDocument, model: DomainModel): Chardev[] {
  const result: Chardev[] = [];
  for (const device of deviceIndex(model).all) {
    let element: XmlElement | undefined;
    if (CHARDEV_ELEMENTS.has(device.name)) element = device;
    else if (device.name === 'smartcard' && value(xml, device, 'mode') === 'passthrough') element = device;
    else if (device.name === 'rng') {
      const backend = firstChild(device, 'backend');
      if (backend && value(xml, backend, 'model') === 'egd') element = backend;
    }
    const type = element && value(xml, element, 'type');
    if (element && type !== undefined) result.push({ element, type, device: device.name });
  }
  return result;
}

/** Whether libvirt makes up the socket path itself: a virtio or Xen `<channel>` of type unix. */
function pathGenerated(xml: XmlDocument, chardev: Chardev): boolean {
  if (chardev.device !== 'channel') return false;
  const targetType = value(xml, firstChild(chardev.element, 'target'), 'type');
  return targetType === 'virtio' || targetType === 'xen';
}

/**
 * VT178: a character device whose `<source>` lacks what its type needs (libvirt's chardev source
 * validation): a path for file, dev, pipe and unix (except the unix channels libvirt names itself), a
 * host and a service for tcp, a service to send to for udp; one `<source>` (two for udp); and reconnect
 * only where the guest side connects, with a timeout above 0.
 */
export const chardevSourceIncomplete: DomainRule = {
  meta: {
    code: 'VT178',
    name: 'chardev-source-incomplete',
    title: "A character device's <source> must give what its type needs",
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_validate.c', 'virDomainChrSourceDefValidate'),
      libvirtCode('src/conf/domain_conf.c', 'virDomainChrSourceDefParseXML'),
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainChrSourceReconnectDef'),
      libvirt('consoles-serial-parallel-channel-devices', 'Consoles, serial, parallel & channel devices'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'Missing source host attribute' },
  },
  paths: ['domain/devices/serial', 'domain/devices/parallel', 'domain/devices/console', 'domain/devices/channel', 'domain/devices/redirdev', 'domain/devices/smartcard', 'domain/devices/rng/backend'],
  check(context, report) {
    const { xml, model } = context;
    for (const chardev of chardevs(xml, model)) {
      const { element, type, device } = chardev;
      const sources = childElements(element, 'source');
      const allowed = type === 'udp' ? 2 : 1;
      if (sources.length > allowed) {
        report({
          span: sources[allowed]!.nameSpan,
          message:
            type === 'udp'
              ? 'A udp character device takes at most two <source> elements (one to connect to, one to bind): libvirt refuses a third.'
              : `A ${type} character device takes one <source>: libvirt refuses more.`,
        });
        continue;
      }
      const source = sources[0];
      const missing = (what: string, attribute: string, example: string): void =>
        report({
          span: source ? source.nameSpan : element.nameSpan,
          message:
            `A <${device} type='${type}'> needs ${what} (<source ${attribute}=...>, e.g. ${example}): libvirt refuses it without.`,
        });
      switch (type) {
        case 'file':
        case 'dev':
        case 'pipe':
          if (value(xml, source, 'path') === undefined) missing('the path of its file or device', 'path', "path='/var/log/guest.log'");
          break;
        case 'unix':
          if (value(xml, source, 'path') === undefined && !pathGenerated(xml, chardev)) {
            missing('the path of its socket', 'path', "path='/var/lib/libvirt/qemu/guest.sock'");
          }
          break;
        case 'tcp':
          if (value(xml, source, 'host') === undefined) missing('a host to connect to or listen on', 'host', "host='127.0.0.1'");
          else if (value(xml, source, 'service') === undefined) missing('a port', 'service', "service='4555'");
          break;
        case 'udp': {
          const connect = sources.find((candidate) => (value(xml, candidate, 'mode') ?? 'connect') === 'connect');
          if (value(xml, connect, 'service') === undefined) {
            report({
              span: connect ? connect.nameSpan : source ? source.nameSpan : element.nameSpan,
              message: `A udp character device needs the port to send to (<source mode='connect' service=...>): libvirt refuses it without.`,
            });
          }
          break;
        }
      }
      if ((type === 'tcp' || type === 'unix') && source) {
        const reconnect = firstChild(source, 'reconnect');
        if (!reconnect || value(xml, reconnect, 'enabled') !== 'yes') continue;
        if (value(xml, source, 'mode') === 'bind') {
          report({
            span: spanOf(xml, reconnect, 'enabled'),
            message: "reconnect is for a guest side that connects: libvirt refuses it with mode='bind', where QEMU listens.",
          });
        } else if (value(xml, reconnect, 'timeout')?.trim() === '0') {
          report({
            span: spanOf(xml, reconnect, 'timeout'),
            message: "reconnect timeout='0' would retry without pause: libvirt refuses 0; give the seconds between attempts.",
          });
        }
      }
    }
  },
};
