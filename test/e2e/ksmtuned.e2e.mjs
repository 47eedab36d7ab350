// @ts-check
// /etc/ksmtuned.conf in VS Code: examples/ksmtuned/'s findings in the Problems panel.
import { configFileScenario } from './configFiles.mjs';

configFileScenario('ksmtuned', 'examples/ksmtuned');
