/**
 * `charter secrets rotate`: a new secrets key seals every stored webhook and TOTP secret again (src/secrets-at-rest.ts).
 * With the key file, the command makes the new key, writes it first in the file (the old one still opens meanwhile, for
 * processes that read the file while this runs), seals everything again, then leaves only the new key in the file.
 * With `CHARTER_SECRETS_KEY`, the operator puts the new key first and the old one after a comma, on every process;
 * the command seals everything under the first, and the old key can then be removed.
 */
import { randomBytes } from 'node:crypto';
import { readConfig } from '../platform/config.js';
import {
  ephemeralSecretsKey,
  keyFileTexts,
  keyringFrom,
  secretsKeyFilePath,
  writeKeyFile,
} from '../platform/secret-box.js';
import { resealStoredSecrets } from '../secrets-at-rest.js';
import { exitCodes, type Command } from './command.js';
import { CliRefusal, resolvedConfig, withCliDatabase } from './database.js';

export const secretsRotateCommand: Command = {
  name: 'secrets rotate',
  summary: 'Seal every stored webhook and TOTP secret again under a new secrets key',
  usage: 'secrets rotate',
  help: [
    'With the key file (CHARTER_SECRETS_KEY_FILE, or secrets.key beside the data directory): makes a new key, seals every',
    'stored secret with it, and leaves only the new key in the file. With CHARTER_SECRETS_KEY="new,old" (set on every',
    'process first): seals every stored secret with the first key; remove the old one afterwards.',
  ].join('\n'),
  async run(_args, io) {
    const config = resolvedConfig(io, readConfig(io.env));
    if (ephemeralSecretsKey(config))
      throw new CliRefusal(
        'charter: with CHARTER_DATA_DIR=memory:// the secrets key lives in memory only; there is nothing to rotate.',
      );
    return withCliDatabase(io, config, 'secrets rotate', async (database) => {
      if (config.CHARTER_SECRETS_KEY) {
        const keyring = keyringFrom(config.CHARTER_SECRETS_KEY.split(','), 'CHARTER_SECRETS_KEY');
        const report = await resealStoredSecrets(database.db, keyring);
        io.out(
          `Sealed ${report.resealed + report.sealed} stored secret(s) again under key ${keyring.currentId} (the first of CHARTER_SECRETS_KEY); ${report.resealed + report.sealed === 0 ? 'all were under it already' : 'the other keys of CHARTER_SECRETS_KEY may now be removed'}.`,
        );
        return exitCodes.ok;
      }
      const path = secretsKeyFilePath(config);
      const old = keyFileTexts(path);
      const fresh = randomBytes(32).toString('hex');
      writeKeyFile(path, [fresh, ...old]);
      const keyring = keyringFrom([fresh, ...old], path);
      const report = await resealStoredSecrets(database.db, keyring);
      // Only once every value is under the new key does the old one leave the file.
      writeKeyFile(path, [fresh]);
      io.out(
        `Sealed ${report.resealed + report.sealed} stored secret(s) under the new key ${keyring.currentId}; ${path} now holds only that key.`,
      );
      return exitCodes.ok;
    });
  },
};

export const secretsCommands: Command[] = [secretsRotateCommand];
