// The server in front of Next takes only the no-JavaScript posts it recognises exactly
// (lib/submission/fast-posts.mjs): anything else must go to Next unchanged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsModule, journeyActionIds, recogniseAction } from './fast-posts.mjs';
import { cookieValue } from '@/lib/auth/cookie-value';

const ids = new Map([['40aa', 'testimony.saveStep' as const]]);

/** A post as React writes a `useActionState` form of action `id`, plus `fields`. */
function posted(fields: [string, string | File][], { id = '40aa', bound = '[{"status":"idle"}]', extra = [] as [string, string][] } = {}) {
  const form = new FormData();
  form.append('$ACTION_REF_1', '');
  form.append('$ACTION_1:0', JSON.stringify({ id, bound: '$@1' }));
  form.append('$ACTION_1:1', bound);
  form.append('$ACTION_KEY', 'k3180409340');
  for (const [name, value] of [...fields, ...extra]) form.append(name, value);
  return form;
}

describe('recognising a no-JavaScript post', () => {
  it('gives the action and the form without Next\'s fields, repeated names kept', () => {
    const got = recogniseAction(posted([['step', 'about'], ['newAftermath', 'a'], ['newAftermath', 'b']]), ids);
    expect(got?.action).toBe('testimony.saveStep');
    expect([...got!.form.entries()]).toEqual([['step', 'about'], ['newAftermath', 'a'], ['newAftermath', 'b']]);
  });

  it('keeps an empty file control (posted by a form with one) and leaves a chosen file to Next', () => {
    expect(recogniseAction(posted([['file', new File([], '')]]), ids)).not.toBeNull();
    expect(recogniseAction(posted([['file', new File(['x'], 'photo.jpg')]]), ids)).toBeNull();
  });

  it('leaves to Next an unknown action, another shape of reference or state, and unknown action fields', () => {
    expect(recogniseAction(posted([], { id: 'ffff' }), ids)).toBeNull();
    expect(recogniseAction(posted([], { bound: '[]' }), ids)).toBeNull();
    expect(recogniseAction(posted([], { bound: '[{"status":"idle"},1]' }), ids)).toBeNull();
    expect(recogniseAction(posted([], { bound: '[{"status":"$@2"}]' }), ids)).toBeNull();
    expect(recogniseAction(posted([], { bound: 'not json' }), ids)).toBeNull();
    expect(recogniseAction(posted([], { extra: [['$ACTION_ID_40aa', '']] }), ids)).toBeNull();
    expect(recogniseAction(posted([], { extra: [['$ACTION_REF_2', '']] }), ids)).toBeNull();
    expect(recogniseAction(posted([], { extra: [['$ACTION_1:0', '{}']] }), ids)).toBeNull();
    const direct = new FormData();
    direct.append('$ACTION_ID_40aa', '');
    direct.append('step', 'about');
    expect(recogniseAction(direct, ids)).toBeNull();
    expect(recogniseAction(new FormData(), ids)).toBeNull();
  });
});

describe("the build's action ids", () => {
  const build = (manifest: unknown) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fast-posts-'));
    fs.mkdirSync(path.join(dir, 'server'));
    fs.writeFileSync(path.join(dir, 'server', 'server-reference-manifest.json'), JSON.stringify(manifest));
    return dir;
  };
  const entry = (exportedName: string, filename = actionsModule) => ({ workers: {}, layer: {}, filename, exportedName });

  it('are read from the server-reference manifest, by module and export', () => {
    const dir = build({ node: { a: entry('startTestimonyAction'), b: entry('saveStepAction'), c: entry('submitTestimonyAction'), d: entry('saveStepAction', 'app/other.ts') }, edge: {} });
    expect([...journeyActionIds(dir, () => {})]).toEqual([['a', 'testimony.start'], ['b', 'testimony.saveStep'], ['c', 'testimony.submit']]);
  });

  it('are none (every post to Next, said once) when the manifest is missing or lacks one', () => {
    const said: string[] = [];
    expect(journeyActionIds(path.join(os.tmpdir(), 'no-such-build'), (m) => said.push(m)).size).toBe(0);
    expect(journeyActionIds(build({ node: { a: entry('startTestimonyAction') } }), (m) => said.push(m)).size).toBe(0);
    expect(said).toHaveLength(2);
  });
});

describe('the session cookie', () => {
  it('is read as Next reads it, and a name given twice is not guessed', () => {
    expect(cookieValue('a=1; yadman.session=tok.en; b=2', 'yadman.session')).toBe('tok.en');
    expect(cookieValue('yadman.session=a%20b', 'yadman.session')).toBe('a b');
    expect(cookieValue('other=1', 'yadman.session')).toBeUndefined();
    expect(cookieValue(null, 'yadman.session')).toBeUndefined();
    expect(cookieValue('yadman.session=a; yadman.session=b', 'yadman.session')).toBeNull();
  });
});
