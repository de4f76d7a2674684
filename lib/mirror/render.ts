// Static markup of a mirror page: React's server renderer, no hydration markers, no scripts.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export function renderDocument(element: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}\n`;
}
