import { projectDoc } from '../../sources';
import type { WordReader } from './types';

const BOOL: { kind: 'bool' } = { kind: 'bool' };

export const DRACUT: WordReader = {
  id: 'dracut',
  reader: 'dracut (the initramfs)',
  class: 'initramfs',
  sources: [projectDoc('dracut', 'dracut.cmdline(7)', 'https://man7.org/linux/man-pages/man7/dracut.cmdline.7.html')],
  names: [
    'root', 'rootfstype', 'rootflags', 'ro', 'rw', 'rootfallback', 'init', 'resume', 'boot', 'fips', 'ip', 'nameserver', 'bootdev',
    'ifname', 'bond', 'team', 'vlan', 'bridge', 'netroot', 'nfsroot', 'biosdevname', 'BOOTIF', 'rdinit',
    'rd.auto', 'rd.hostonly', 'rd.cmdline', 'rd.fstab', 'rd.driver.blacklist', 'rd.driver.pre', 'rd.driver.post',
    'rd.retry', 'rd.timeout', 'rd.noverifyssl', 'rd.ctty', 'rd.shell', 'rd.emergency', 'rd.break', 'rd.debug',
    'rd.memdebug', 'rd.info', 'rd.udev.log_level', 'rd.udev.log_priority', 'rd.udev.debug', 'rd.udev.info',
    'rd.vconsole.keymap', 'rd.vconsole.keymap.ext', 'rd.vconsole.unicode', 'rd.vconsole.font', 'rd.vconsole.font.map',
    'rd.vconsole.font.unimap', 'rd.locale.LANG', 'rd.lvm', 'rd.lvm.vg', 'rd.lvm.lv', 'rd.lvm.conf', 'rd.luks',
    'rd.luks.uuid', 'rd.luks.name', 'rd.luks.options', 'rd.luks.key', 'rd.luks.crypttab', 'rd.luks.allow-discards',
    'rd.luks.timeout', 'rd.luks.data', 'rd.md', 'rd.md.conf', 'rd.md.waitclean', 'rd.md.uuid', 'rd.md.ddf',
    'rd.md.imsm', 'rd.dm', 'rd.dm.uuid', 'rd.multipath', 'rd.iscsi.initiator', 'rd.iscsi.target.name',
    'rd.iscsi.target.ip', 'rd.iscsi.target.port', 'rd.iscsi.target.group', 'rd.iscsi.username', 'rd.iscsi.password',
    'rd.iscsi.in.username', 'rd.iscsi.in.password', 'rd.iscsi.firmware', 'rd.iscsi.ibft', 'rd.iscsi.param',
    'rd.iscsi.waitnet', 'rd.iscsi.testroute', 'rd.nofcoe', 'rd.nfs.domain', 'rd.net.dhcp.retry', 'rd.net.timeout.dhcp',
    'rd.net.timeout.iflink', 'rd.net.timeout.ifup', 'rd.net.timeout.route', 'rd.net.timeout.ipv6dad',
    'rd.net.timeout.ipv6auto', 'rd.net.timeout.carrier', 'rd.neednet', 'rd.peerdns', 'rd.route', 'rd.bootif',
    'rd.live.image', 'rd.live.check', 'rd.live.dir', 'rd.live.squashimg', 'rd.live.ram', 'rd.live.overlay',
    'rd.live.overlay.size', 'rd.live.overlay.readonly', 'rd.live.overlay.reset', 'rd.live.overlay.thin',
    'rd.live.overlay.overlayfs', 'rd.writable.fsimg', 'rd.minmem', 'rd.zfcp', 'rd.zfcp.conf', 'rd.znet', 'rd.dasd',
    'rd.cio_accept', 'rd.ccw', 'rd.plymouth', 'rd.splash', 'rd.images', 'rd.modules_load', 'rd.fips.skipkernel',
    'rd.kiwi.install.pass.bootparam', 'rd.systemd.verity', 'rd.nvmf.hostnqn', 'rd.nvmf.hostid', 'rd.nvmf.discover',
    'rd.nonfs', 'rd.znet_ifname', 'rd.lvm.snapshot', 'rd.lvm.snapsize', 'rd.dm.conf',
  ],
  prefixes: ['rd.'],
  values: {
    'rd.debug': BOOL,
    'rd.shell': BOOL,
    'rd.auto': BOOL,
    'rd.hostonly': BOOL,
    'rd.fstab': BOOL,
    'rd.lvm': BOOL,
    'rd.luks': BOOL,
    'rd.md': BOOL,
    'rd.dm': BOOL,
    'rd.multipath': { kind: 'bool', also: ['default'] },
    'rd.plymouth': BOOL,
    'rd.neednet': BOOL,
    'rd.peerdns': BOOL,
    'rd.udev.log_level': { kind: 'keywords', values: ['err', 'info', 'debug'], alsoNumbers: { min: 0, max: 7 } },
    'rd.break': {
      kind: 'keywords',
      values: ['cmdline', 'pre-udev', 'pre-trigger', 'initqueue', 'pre-mount', 'mount', 'pre-pivot', 'cleanup'],
    },
  },
};

export const MKINITCPIO: WordReader = {
  id: 'mkinitcpio',
  reader: 'the mkinitcpio initramfs (Arch Linux)',
  class: 'initramfs',
  sources: [
    projectDoc('Arch Linux', 'mkinitcpio: runtime customization (kernel parameters of the hooks)', 'https://wiki.archlinux.org/title/Mkinitcpio#Runtime_customization'),
    projectDoc('Arch Linux', 'dm-crypt/System configuration (cryptdevice, cryptkey)', 'https://wiki.archlinux.org/title/Dm-crypt/System_configuration'),
  ],
  names: ['cryptdevice', 'cryptkey', 'crypto', 'root', 'rootfstype', 'rootflags', 'rootdelay', 'rw', 'ro', 'resume', 'break', 'disablehooks', 'earlymodules', 'rd.log', 'rd.debug', 'zfs', 'zfs_force', 'zfs_import_dir', 'zfs_wait', 'nfsroot', 'ip', 'BOOTIF', 'lvmwait'],
  values: { break: { kind: 'keywords', values: ['premount', 'postmount', 'y'] } },
};

export const OSTREE: WordReader = {
  id: 'ostree',
  reader: 'ostree-prepare-root (OSTree systems: Fedora CoreOS, Silverblue, RHEL for Edge)',
  class: 'initramfs',
  sources: [
    projectDoc('OSTree', 'ostree-prepare-root(1)', 'https://ostreedev.github.io/ostree/man/ostree-prepare-root.html'),
    projectDoc('Fedora CoreOS', 'Ignition kernel arguments', 'https://coreos.github.io/ignition/supported-platforms/'),
  ],
  names: ['ostree', 'ostree.prepare-root.composefs', 'ignition.firstboot', 'ignition.platform.id', 'ignition.config.url', 'coreos.inst.install_dev', 'coreos.inst.ignition_url', 'coreos.live.rootfs_url', 'coreos.liveiso', 'coreos.oem.id'],
  prefixes: ['ostree.', 'ignition.', 'coreos.'],
};

export const LIVE_SYSTEMS: WordReader = {
  id: 'live',
  reader: 'a live system (Debian live-boot, Ubuntu casper)',
  class: 'initramfs',
  sources: [
    projectDoc('Debian', 'live-boot(7)', 'https://manpages.debian.org/live-boot-doc/live-boot.7.en.html'),
    projectDoc('Ubuntu', 'casper(7)', 'https://manpages.ubuntu.com/manpages/casper.7.html'),
  ],
  names: [
    'boot', 'components', 'live-media', 'live-media-path', 'live-media-offset', 'live-media-timeout', 'toram', 'todisk',
    'persistence', 'persistence-label', 'persistence-media', 'persistence-path', 'persistence-encryption', 'nopersistence',
    'persistent', 'nopersistent', 'findiso', 'fromiso', 'fetch', 'httpfs', 'ftpfs', 'ethdevice', 'ethdevice-timeout',
    'union', 'noeject', 'nofastboot', 'username', 'hostname', 'locales', 'keyboard-layouts', 'timezone', 'noprompt',
    'maybe-ubiquity', 'only-ubiquity', 'iso-scan/filename', 'cdrom-detect/try-usb', 'showmounts', 'ignore_uuid', 'live-config',
    'live-config.hostname', 'live-config.username', 'live-config.locales', 'live-config.timezone', 'live-config.keyboard-layouts',
    'debug', 'textonly', 'nosplash', 'integrity-check', 'ip', 'netboot', 'nfsroot', 'url',
  ],
  prefixes: ['live-config.'],
  values: { boot: { kind: 'keywords', values: ['live', 'casper'] } },
};

export const PLYMOUTH: WordReader = {
  id: 'plymouth',
  reader: 'plymouth (the boot splash)',
  class: 'init',
  sources: [projectDoc('plymouth', 'the kernel command line options plymouth reads (src/main.c)', 'https://gitlab.freedesktop.org/plymouth/plymouth')],
  names: ['rhgb', 'splash', 'nosplash', 'plymouth.enable', 'plymouth.ignore-serial-consoles', 'plymouth.debug', 'plymouth.nolog', 'plymouth.ignore-udev', 'plymouth.splash', 'plymouth.force-scale', 'plymouth.ignore-show-splash', 'plymouth.use-simpledrm'],
  prefixes: ['plymouth.'],
  values: { 'plymouth.enable': { kind: 'keywords', values: ['0', '1'] } },
};
