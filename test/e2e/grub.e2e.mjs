// @ts-check
// /etc/default/grub (the kernel command line) in VS Code: examples/grub/'s findings in the Problems panel.
import { configFileScenario } from './configFiles.mjs';

configFileScenario('grub', 'examples/grub');
