import { main } from './cli/main';
import { descriptorWriter } from './cli/stdio';

main(process.argv.slice(2), {
  stdout: descriptorWriter(1),
  stderr: descriptorWriter(2),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error('virt-tune: internal error:', error);
    process.exitCode = 2;
  },
);
