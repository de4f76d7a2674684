'use client';
import { preload } from 'react-dom';

// The bundler gives these files the same hashed /_next/static/media addresses as app/fonts/vazirmatn.css
// does (one file per content), so the preload is the request the stylesheet's @font-face makes.
const persian = new URL('../../app/fonts/vazirmatn-persian.woff2', import.meta.url).pathname;
const latin = new URL('../../app/fonts/vazirmatn-latin.woff2', import.meta.url).pathname;

/**
 * Starts the two font files every page uses (Persian letters; Latin letters, digits and the space)
 * with the document instead of after the stylesheet has been read and the page laid out. With
 * `font-display: optional` a font that arrives late is not used at all on that visit, and the text
 * waits for it to the first paint: an early start gives Vazirmatn on a slow phone and paints sooner
 * (issue 18, Lighthouse). Latin Extended stays fetched only by a page that has such a letter.
 */
export function FontPreloads() {
  for (const href of [persian, latin]) preload(href, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' });
  return null;
}
