/** A console area: one file under pages/, registered once in pages/index.ts. */
import type { ComponentType } from 'react';
import type { Texts } from '../i18n.js';

export interface ConsolePage {
  /** Path inside the console, e.g. `/requests`. Sub-paths (`/requests/abc`) open the same page. */
  path: string;
  /** Navigation label and page title, in every console language. */
  title: Texts<string>;
  /** The scope needed to see the page; the entry is hidden from callers without it. */
  scope: string;
  Component: ComponentType;
}
