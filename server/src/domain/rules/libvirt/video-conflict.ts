import { libvirt, libvirtCode } from '../../../kb/sources';
import { attribute, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { lineOf } from '../guest';
import { devicesNamed, spanOf, value } from './devices';

/** Attributes of `<video><model>` that size QXL's own memory regions; other models have none. */
const QXL_ONLY = ['ram', 'vram64', 'vgamem'] as const;

/**
 * VT183: video devices libvirt's video validation refuses: more than one marked primary, a 'none'
 * model beside other video devices (none means no video at all), and QXL's memory sizes (ram, vram64,
 * vgamem) on another model.
 */
export const videoConflict: DomainRule = {
  meta: {
    code: 'VT183',
    name: 'video-conflict',
    title: "One primary video device; 'none' alone; QXL memory sizes only on QXL",
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_validate.c', 'virDomainDefVideoValidate'),
      libvirtCode('src/conf/domain_validate.c', 'virDomainVideoDefValidate'),
      libvirt('video-devices', 'Video devices'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'vgamem attribute only supported' },
  },
  paths: ['domain/devices/video/model'],
  check(context, report) {
    const { xml, model } = context;
    const videos = devicesNamed(model, 'video');
    let primary: number | undefined;
    for (const video of videos) {
      const videoModel = firstChild(video, 'model');
      if (!videoModel) continue;
      const type = value(xml, videoModel, 'type');
      if (value(xml, videoModel, 'primary') === 'yes') {
        if (primary !== undefined) {
          report({
            span: spanOf(xml, videoModel, 'primary'),
            message: `The video device on line ${lineOf(context, primary)} is already primary: libvirt refuses a second primary one.`,
          });
        } else primary = video.start;
      }
      if (type === 'none' && videos.length > 1) {
        report({
          span: spanOf(xml, videoModel, 'type'),
          message: "type='none' means the guest has no video device: libvirt refuses it beside other <video> devices.",
        });
      }
      if (type === undefined || type === 'qxl') continue;
      for (const name of QXL_ONLY) {
        if (!attribute(videoModel, name)) continue;
        report({
          span: spanOf(xml, videoModel, name),
          message: `${name}= sizes a memory region only QXL has: libvirt refuses it on a '${type}' video device. Remove it (vram= is the size for ${type}).`,
        });
      }
    }
  },
};
