/**
 * What runs inside each scanned page before the page's own scripts (a Playwright init script): it records who sets
 * cookies through `document.cookie` (the script URL from the call stack) and the order of `dataLayer` commands, so
 * the scan can tell whether Google Consent Mode's default came before the first Google tag command. It changes
 * nothing the page sees, except `navigator.globalPrivacyControl` under the GPC condition.
 */

export interface RecorderState {
  cookieSetters: Record<string, string>;
  consentDefaultAt?: number;
  consentUpdateAt?: number;
  firstTagAt?: number;
  firstTag?: string;
}

/** Installed with `context.addInitScript(installRecorder, gpc)`: serialised into the page, so self-contained. */
export function installRecorder(gpc: boolean): void {
  const w = window as unknown as Window & { __charterScan?: RecorderState; dataLayer?: unknown[] };
  if (w.__charterScan) return;
  const state: RecorderState = { cookieSetters: {} };
  w.__charterScan = state;
  if (gpc) Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });

  // Who writes document.cookie: the first script URL on the stack (an inline script shows the page's URL).
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  const accessors: { get?: (this: Document) => string; set?: (this: Document, value: string) => void } | undefined =
    descriptor;
  if (accessors?.get && accessors.set) {
    // The accessors are called with the document as `this`, as the browser would.
    const { get, set } = accessors;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get(this: Document) {
        return get.call(this);
      },
      set(this: Document, value: string) {
        const name = String(value).split('=')[0]!.trim();
        const url = /(https?:\/\/[^\s)]+?):\d+:\d+/.exec(new Error().stack ?? '')?.[1];
        if (name && url && !state.cookieSetters[name]) state.cookieSetters[name] = url;
        set.call(this, value);
      },
    });
  }

  // dataLayer commands in the order gtag.js will process them; gtag.js replaces `push`, so every push is wrapped.
  let position = 0;
  const note = (item: unknown) => {
    position += 1;
    const args =
      item && typeof item === 'object' && 'length' in item ? Array.from(item as ArrayLike<unknown>) : undefined;
    if (args?.[0] === 'consent' && args[1] === 'default') state.consentDefaultAt ??= position;
    else if (args?.[0] === 'consent' && args[1] === 'update') state.consentUpdateAt ??= position;
    else if (
      args &&
      (args[0] === 'js' || args[0] === 'config' || args[0] === 'event') &&
      state.firstTagAt === undefined
    ) {
      state.firstTagAt = position;
      state.firstTag = `gtag('${String(args[0])}'${typeof args[1] === 'string' ? `, '${args[1]}'` : ''})`;
    } else if (!args && (item as { event?: unknown } | null)?.event === 'gtm.js' && state.firstTagAt === undefined) {
      state.firstTagAt = position;
      state.firstTag = 'gtm.js';
    }
  };
  const instrument = (array: unknown) => {
    if (!Array.isArray(array)) return;
    array.forEach(note);
    let push = array.push.bind(array);
    Object.defineProperty(array, 'push', {
      configurable: true,
      get:
        () =>
        (...items: unknown[]) => {
          items.forEach(note);
          return push(...items);
        },
      set: (replacement: (...items: unknown[]) => number) => {
        push = replacement;
      },
    });
  };
  let dataLayer: unknown = undefined;
  Object.defineProperty(w, 'dataLayer', {
    configurable: true,
    get: () => dataLayer,
    set: (value: unknown) => {
      dataLayer = value;
      instrument(value);
    },
  });
}
