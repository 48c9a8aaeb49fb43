import { describe, expect, it } from 'vitest';
import { rightsTexts, uiLanguages } from './index.js';

/** Every text of one language as `path → string`, nested records and lists flattened (`types.access`, `units.year.1`). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') return found.set(path, value);
  for (const [key, inner] of Object.entries(value as object)) {
    for (const [innerPath, text] of leaves(inner, path ? `${path}.${key}` : key)) found.set(innerPath, text);
  }
  return found;
}

/** The `{name}` placeholders of a text, sorted and without repeats. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

const english = leaves(rightsTexts.en);
const others = uiLanguages.filter((language) => language !== 'en');

describe('rights texts', () => {
  it('registers a language for every language the privacy center offers', () => {
    expect(Object.keys(rightsTexts).sort()).toEqual([...uiLanguages].sort());
  });

  it.each(others)('%s has every English text and no other, none empty', (language) => {
    const texts = leaves(rightsTexts[language]);
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...texts].filter(([, text]) => text.trim() === '').map(([path]) => path)).toEqual([]);
  });

  it.each(others)('%s uses the same placeholders as English in every text', (language) => {
    const texts = leaves(rightsTexts[language]);
    const mismatched = [...english]
      .filter(([path, text]) => placeholders(text).join() !== placeholders(texts.get(path) ?? '').join())
      .map(([path]) => path);
    expect(mismatched).toEqual([]);
  });
});
