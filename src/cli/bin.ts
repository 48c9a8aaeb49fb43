/** Entry point of the built `charter` binary. */
import { main, processIo } from './main.js';

const code = await main(process.argv.slice(2), processIo);
// `serve` resolves only on shutdown; other commands end here.
process.exitCode = code;
