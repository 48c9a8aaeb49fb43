import { describe, expect, it } from 'vitest';
import { contrastRatio, themeStylesheet } from './styles.js';

describe('site theme of notice pages', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#1f3a5f', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('uses the site colours when they are readable', () => {
    const css = themeStylesheet({ theme: { primaryColor: '#1f3a5f', backgroundColor: '#fffaf5' } });
    expect(css).toContain('--cn-accent: #1f3a5f');
    expect(css).toContain('--cn-bg: #fffaf5');
  });

  it('replaces colours that would make text unreadable', () => {
    const css = themeStylesheet({ theme: { primaryColor: '#ffee00', backgroundColor: '#111111' } });
    expect(css).toContain('--cn-bg: #ffffff');
    expect(css).toContain('--cn-accent: #1d4ed8');
    expect(themeStylesheet({})).toContain('--cn-accent: #1d4ed8');
  });
});
