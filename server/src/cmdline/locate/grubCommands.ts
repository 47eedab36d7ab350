/**
 * Commands and keywords that begin a line of GRUB 2's grub.cfg (GRUB manual, "Commands" and "Shell-like
 * scripting") and of GRUB legacy's grub.conf / menu.lst. A line after a kernel line that begins with
 * none of these is taken as the kernel line broken in two.
 */
export const GRUB2_COMMANDS: ReadonlySet<string> = new Set([
  '[', '{', '}', 'acpi', 'background_color', 'background_image', 'blocklist', 'blscfg', 'boot', 'break', 'cat',
  'chainloader', 'clear', 'configfile', 'continue', 'cpuid', 'crypto', 'cryptomount', 'devicetree', 'do', 'done',
  'drivemap', 'echo', 'elif', 'else', 'esac', 'eval', 'exit', 'export', 'false', 'fi', 'for', 'function',
  'fwsetup', 'gettext', 'gptsync', 'halt', 'hashsum', 'help', 'if', 'in', 'initrd', 'initrd16', 'initrdefi',
  'insmod', 'keystatus', 'linux', 'linux16', 'linuxefi', 'list_env', 'load_env', 'load_video', 'loadfont', 'ls',
  'lsmod', 'md5sum', 'menuentry', 'module', 'module2', 'multiboot', 'multiboot2', 'nativedisk', 'normal',
  'normal_exit', 'parttool', 'password', 'password_pbkdf2', 'play', 'probe', 'read', 'reboot', 'regexp', 'return',
  'rmmod', 'save_env', 'savedefault', 'search', 'search.file', 'search.fs_label', 'search.fs_uuid', 'sendkey',
  'serial', 'set', 'setparams', 'sha1sum', 'sha256sum', 'sha512sum', 'shift', 'sleep', 'source', 'submenu',
  'terminal_input', 'terminal_output', 'terminfo', 'test', 'then', 'true', 'unset', 'until', 'while',
  'xen_hypervisor', 'xen_module', 'fallback', 'default', 'timeout', 'font', 'terminal',
]);

export const GRUB_LEGACY_COMMANDS: ReadonlySet<string> = new Set([
  'blocklist', 'boot', 'bootp', 'cat', 'chainloader', 'cmp', 'color', 'configfile', 'debug', 'default', 'device',
  'dhcp', 'displayapm', 'displaymem', 'embed', 'fallback', 'find', 'fstest', 'geometry', 'halt', 'help', 'hide',
  'hiddenmenu', 'ifconfig', 'impsprobe', 'initrd', 'install', 'ioprobe', 'kernel', 'lock', 'makeactive', 'map',
  'md5crypt', 'module', 'modulenounzip', 'pager', 'partnew', 'parttype', 'password', 'pause', 'rarp', 'read',
  'reboot', 'root', 'rootnoverify', 'savedefault', 'serial', 'setkey', 'setup', 'splashimage', 'terminal',
  'terminfo', 'testload', 'testvbe', 'tftpserver', 'timeout', 'title', 'unhide', 'uppermem', 'vbeprobe',
  'gfxmenu', 'foreground', 'background',
]);
