/** A small History-API router under /console/: the current path, navigation, and links that do not reload. */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const base = '/console';

function currentPath(): string {
  const path = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '/';
  return path === '' ? '/' : path;
}

export function navigate(path: string, options: { replace?: boolean } = {}) {
  const url = `${base}${path}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event('charter:navigate'));
}

/** The path inside the console (`/`, `/audit`…), updated on navigation and back/forward. */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener('charter:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('charter:navigate', update);
    };
  }, []);
  return path;
}

export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

export function Link({ to, onClick: also, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    also?.(event);
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={`${base}${to}`} onClick={onClick} {...rest} />;
}
