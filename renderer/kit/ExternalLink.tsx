import type { ReactNode } from 'react';
import { ExternalIcon } from './icons.js';

/**
 * A link that opens outside the app, in the system browser (the desktop app hands it there by the link rules of
 * core/links.ts), and says so to the eye and to a screen reader. `href` must be a link those rules accept.
 */
export function ExternalLink({
  href,
  className,
  title,
  children,
}: {
  href: string;
  className: string;
  title?: string | undefined;
  children: ReactNode;
}) {
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer" title={title}>
      {children}
      <ExternalIcon />
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}
