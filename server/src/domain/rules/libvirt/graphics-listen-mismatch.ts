import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements } from '../../../xml/query';
import type { DomainRule } from '../context';
import { devicesNamed, spanOf, value } from './devices';

/**
 * VT192: a `<graphics>` whose old-style attribute (`listen=`, or `socket=` for VNC) says something
 * other than its first `<listen>` element. libvirt keeps the attribute only as a copy of that element
 * and refuses the domain when the two differ.
 */
export const graphicsListenMismatch: DomainRule = {
  meta: {
    code: 'VT192',
    name: 'graphics-listen-mismatch',
    title: "<graphics listen=> or socket= must match the first <listen> element",
    severity: 'error',
    sources: [libvirtCode('src/conf/domain_conf.c', 'virDomainGraphicsListensParseXML'), libvirt('graphical-framebuffers', 'Graphical framebuffers')],
    fixable: false,
    libvirt: { stage: 'define', says: "must match 'address' attribute" },
  },
  paths: ['domain/devices/graphics/listen'],
  check(context, report) {
    const { xml } = context;
    for (const graphics of devicesNamed(context.model, 'graphics')) {
      const first = childElements(graphics, 'listen')[0];
      if (!first) continue;
      const listenType = value(xml, first, 'type');
      const listen = value(xml, graphics, 'listen');
      const address = value(xml, first, 'address');
      if (listen !== undefined && listenType === 'address' && address !== undefined && address !== listen) {
        report({
          span: spanOf(xml, graphics, 'listen'),
          message: `listen='${listen}' is the old way of writing the first <listen>, which says '${address}': libvirt refuses the two when they differ. Keep one.`,
        });
      }
      const socket = value(xml, graphics, 'socket');
      const listenSocket = value(xml, first, 'socket');
      if (socket !== undefined && listenType === 'socket' && listenSocket !== undefined && listenSocket !== socket) {
        report({
          span: spanOf(xml, graphics, 'socket'),
          message: `socket='${socket}' is the old way of writing the first <listen type='socket'>, which says '${listenSocket}': libvirt refuses the two when they differ. Keep one.`,
        });
      }
    }
  },
};
