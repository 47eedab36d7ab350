import { projectDoc } from '../../sources';
import type { WordReader } from './types';

export const DEBIAN_INSTALLER: WordReader = {
  id: 'debian-installer',
  reader: 'the Debian installer',
  class: 'installer',
  sources: [
    projectDoc('Debian', 'Installation Guide, 5.3: Boot parameters', 'https://www.debian.org/releases/stable/amd64/ch05s03.en.html'),
    projectDoc('Debian', 'Installation Guide, B.2: Using preseeding (boot parameters and debconf questions)', 'https://www.debian.org/releases/stable/amd64/apbs02.en.html'),
  ],
  names: [
    'priority', 'auto', 'url', 'file', 'locale', 'language', 'country', 'keymap', 'hostname', 'domain', 'interface',
    'protocol', 'suite', 'modules', 'tasks', 'desktop', 'theme', 'fb', 'lowmem', 'DEBIAN_FRONTEND', 'BOOT_DEBUG',
    'INSTALL_MEDIA_DEV', 'dmraid', 'rescue/enable', 'preseed/url', 'preseed/file', 'preseed/interactive',
    'auto-install/enable', 'debian-installer/locale', 'debian-installer/language', 'debian-installer/country',
    'debian-installer/framebuffer', 'debian-installer/theme', 'debian-installer/allow_unauthenticated',
    'debconf/priority', 'debconf/frontend', 'netcfg/choose_interface', 'netcfg/disable_autoconfig',
    'netcfg/dhcp_timeout', 'netcfg/get_hostname', 'netcfg/get_domain', 'netcfg/use_autoconfig', 'netcfg/link_wait_timeout',
    'keyboard-configuration/xkb-keymap', 'console-setup/ask_detect', 'console-keymaps-at/keymap', 'mirror/country',
    'mirror/http/hostname', 'mirror/http/directory', 'mirror/http/proxy', 'anna/choose_modules', 'hw-detect/load_firmware',
    'disk-detect/dmraid/enable', 'disk-detect/multipath/enable', 'partman-auto/method', 'partman-auto/disk',
    'directfb/hw-accel', 'hw-detect/start_pcmcia', 'apt-setup/security_host', 'passwd/root-login', 'cdrom-detect/eject',
    'finish-install/reboot_in_progress', 'grub-installer/bootdev', 'ubiquity/reboot', 'automatic-ubiquity', 'ks',
  ],
  // Any `owner/question` is a debconf question the installer preseeds from the command line.
  debconf: true,
  values: {
    priority: { kind: 'keywords', values: ['critical', 'high', 'medium', 'low'] },
    'debconf/priority': { kind: 'keywords', values: ['critical', 'high', 'medium', 'low'] },
    auto: { kind: 'bool' },
    DEBIAN_FRONTEND: { kind: 'keywords', values: ['newt', 'text', 'gtk', 'noninteractive'] },
  },
};

export const ANACONDA: WordReader = {
  id: 'anaconda',
  reader: 'Anaconda (the Fedora and RHEL installer)',
  class: 'installer',
  sources: [projectDoc('Anaconda', 'Anaconda boot options', 'https://anaconda-installer.readthedocs.io/en/latest/boot-options.html')],
  names: [
    'inst.ks', 'ks', 'ksdevice', 'inst.ks.sendmac', 'inst.ks.sendsn', 'inst.ksstrict', 'inst.repo', 'repo', 'inst.stage2', 'stage2',
    'inst.stage2.all', 'inst.noverifyssl', 'inst.proxy', 'proxy', 'inst.updates', 'updates', 'inst.dd', 'dd', 'inst.text', 'text',
    'inst.cmdline', 'cmdline', 'inst.graphical', 'graphical', 'inst.vnc', 'vnc', 'inst.vncpassword', 'vncpassword',
    'inst.vncconnect', 'vncconnect', 'inst.rdp', 'inst.rdp.username', 'inst.rdp.password', 'inst.sshd', 'sshd', 'inst.lang',
    'lang', 'inst.keymap', 'keymap', 'inst.geoloc', 'inst.addrepo', 'inst.loglevel', 'loglevel', 'inst.syslog', 'syslog',
    'inst.virtiolog', 'inst.nosave', 'inst.zram', 'inst.xdriver', 'xdriver', 'inst.usefbx', 'inst.rescue', 'rescue',
    'inst.nokill', 'inst.noshell', 'inst.kdump_addon', 'inst.multilib', 'inst.gpt', 'inst.resolution', 'resolution',
    'inst.selinux', 'inst.decorated', 'inst.waitfornet', 'inst.disklabel', 'inst.webui', 'inst.webui.remote', 'inst.memcheck',
    'inst.nompath', 'nompath', 'inst.nodmraid', 'nodmraid', 'inst.noninteractive', 'inst.xtimeout', 'inst.debug', 'inst.singlelang',
    'inst.kexec', 'inst.wait_for_disks', 'inst.nosyslog', 'inst.nonibftiscsiboot', 'inst.ibft', 'inst.noeject', 'inst.headless',
    'headless', 'inst.serial', 'serial', 'inst.mediacheck', 'rd.live.check', 'inst.check', 'method', 'askmethod', 'asknetwork',
    'noipv4', 'noipv6', 'inst.eula', 'inst.product', 'inst.variant', 'inst.nomount', 'nomount', 'inst.noblscfg', 'inst.leavebootorder',
    'inst.sdboot', 'inst.dirinstall', 'inst.kickstart',
  ],
  prefixes: ['inst.'],
  values: {
    'inst.loglevel': { kind: 'keywords', values: ['debug', 'info', 'warning', 'error', 'critical'] },
    'inst.selinux': { kind: 'keywords', values: ['0', '1'] },
    'inst.kdump_addon': { kind: 'keywords', values: ['on', 'off'] },
  },
};
