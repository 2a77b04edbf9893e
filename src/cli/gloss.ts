/** Entry point of the `gloss` command (built to out/cli/gloss.js). */
import { main } from './index';

main(
  process.argv.slice(2),
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`),
).then((code) => {
  process.exitCode = code;
});
