import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { ConfigError, isLoopbackHost, publicUrl, readConfig, requirePublicUrl } from './config.js';

describe('PUBLIC_URL', () => {
  it('is the base of every link; without it, a loopback server names itself', () => {
    expect(publicUrl(readConfig({ PUBLIC_URL: 'https://privacy.example.com/' }))).toBe('https://privacy.example.com');
    expect(publicUrl(readConfig({ PORT: '4400' }))).toBe('http://localhost:4400');
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'])(
    'is optional on the loopback interface %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
      expect(() => requirePublicUrl(readConfig({ HOST: host }))).not.toThrow();
    },
  );

  it.each(['0.0.0.0', '::', '192.0.2.5', 'charter.internal'])('is required on %s, with a message naming it', (host) => {
    expect(() => requirePublicUrl(readConfig({ HOST: host }))).toThrow(ConfigError);
    expect(() => requirePublicUrl(readConfig({ HOST: host }))).toThrow(/PUBLIC_URL: required when HOST/);
    expect(() => requirePublicUrl(readConfig({ HOST: host, PUBLIC_URL: 'https://privacy.example.com' }))).not.toThrow();
  });

  it('makes `charter serve` on a public interface without it exit 1 with the reason, before opening anything', async () => {
    const result = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], {
      env: { CHARTER_DATA_DIR: '/nonexistent/never-created' },
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain('PUBLIC_URL: required when HOST (0.0.0.0) is not a loopback address');
  });
});
