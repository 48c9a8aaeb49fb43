import { describe, expect, it } from 'vitest';
import { checkTarget, isNonPublicAddress, TargetRefused } from './targets.js';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '172.20.1.1',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
    '::ffff:7f00:1',
    '64:ff9b::127.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '1.1.1.1', '2606:4700::1111'])('allows the public address %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it('checks every address a name resolves to, and the scheme', async () => {
    const resolve = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ];
    await expect(checkTarget('https://hooks.example/', { allowPrivate: false, resolve })).rejects.toBeInstanceOf(
      TargetRefused,
    );
    await expect(checkTarget('https://hooks.example/', { allowPrivate: true, resolve })).resolves.toMatchObject({
      addresses: [{ address: '93.184.215.14' }, { address: '10.0.0.1' }],
    });
    await expect(checkTarget('file:///etc/passwd', { allowPrivate: true, resolve })).rejects.toThrow(
      'only http and https',
    );
    await expect(checkTarget('https://user:pw@hooks.example/', { allowPrivate: true, resolve })).rejects.toThrow(
      'no credentials',
    );
  });
});
