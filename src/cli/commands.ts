/** Every command of the `charter` CLI; each domain contributes its own list. */
import type { Command } from './command.js';
import { coreCommands } from './core-commands.js';

export const commands: Command[] = [...coreCommands];
