/** The notice texts of every language Charter writes in. */
import type { Language } from '../../charter/schema.js';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { NoticeTexts } from './types.js';

export type { NoticeTexts } from './types.js';

export const noticeTexts: Record<Language, NoticeTexts> = { en, nl, fr, de };
