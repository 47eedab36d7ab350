// Not named imports: esbuild would copy each of the module's ~300 exports into a wrapper of this file's, at every start.
import lsp = require('vscode-languageserver/node');
import { keepYoungGenerationSmall } from './core/youngGeneration';
import { startLanguageServer } from './lsp/languageServer';
import { namesTransport } from './lsp/transport';
import { VERSION } from './version';

const USAGE = `virt-tune-ls ${VERSION}: the virt-tune language server.
Usage: virt-tune-ls --stdio | --node-ipc | --socket=PORT | --pipe=NAME
`;
const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help')) {
  process.stdout.write(USAGE);
} else if (!namesTransport(args)) {
  process.stderr.write(USAGE);
  process.exitCode = 2;
} else {
  keepYoungGenerationSmall();
  startLanguageServer(lsp.createConnection(lsp.ProposedFeatures.all));
}
