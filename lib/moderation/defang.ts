// Links in submitted text are shown to moderators "defanged": never clickable, and written so that
// copying one into a browser does not open it either (hxxps://example[.]com). A testimony is
// attacker-controlled input; a moderator must not be one careless click away from a tracking page.
import { findLinks } from './links';

export type LinkPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; defanged: string };

export function defang(link: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(link);
  const rest = scheme ? link.slice(scheme[0].length) : link;
  const slash = rest.search(/[/?#]/);
  const host = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  const prefix = scheme ? `${scheme[1]!.replace(/^http/i, (h) => (h === 'HTTP' ? 'HXXP' : 'hxxp'))}://` : '';
  return `${prefix}${host.replaceAll('.', '[.]')}${path}`;
}

export function splitLinks(text: string): LinkPart[] {
  const parts: LinkPart[] = [];
  let at = 0;
  for (const found of findLinks(text)) {
    if (found.start > at) parts.push({ kind: 'text', text: text.slice(at, found.start) });
    parts.push({ kind: 'link', text: found.text, defanged: defang(found.text) });
    at = found.end;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}
