// Every field an action echoes back on error (its `keep` list: what the person typed or chose) must
// be known to the outage page, so a post made while the database is down shows it again correctly.
import { describe, expect, it, vi } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import { actionSpecKey } from '@/lib/actions/define-action';
import { loadActions } from '@/lib/testing/app-handlers';
import { chosenFields, echoedSecrets, isSecretField, typedFieldLabels } from './outage-fields';

// Only the specs are read; the session lookup (next-auth) is not loadable outside Next.
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => null }));

const lookup = (catalogue: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);

describe('outage page fields', () => {
  it('every kept field is either typed (with a label) or chosen, never both, never a secret (but the listed ones)', async () => {
    const kept = new Set<string>();
    const actions = await loadActions();
    for (const [name, { action }] of actions) {
      for (const field of action[actionSpecKey].keep ?? []) {
        // A secret an action may echo is still one: the outage page drops it.
        if (echoedSecrets[name]?.includes(field)) expect(isSecretField(field), `${name}: ${field}`).toBe(true);
        else kept.add(field);
      }
    }
    for (const name of Object.keys(echoedSecrets)) expect(actions.has(name), name).toBe(true);
    expect(kept.size).toBeGreaterThan(20);
    for (const name of kept) {
      expect(name in typedFieldLabels !== chosenFields.has(name), `${name}: typed or chosen`).toBe(true);
      expect(isSecretField(name), name).toBe(false);
    }
  });

  it('every label exists in both catalogues', () => {
    for (const key of Object.values(typedFieldLabels)) {
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(fa, key), `fa ${key}`).toBe('string');
    }
  });

  it('passphrases and codes are secrets; ordinary fields are not', () => {
    for (const name of ['passphrase', 'passphraseConfirm', 'currentPassphrase', 'code', 'generated']) expect(isSecretField(name), name).toBe(true);
    for (const name of ['body', 'narrative', 'username', 'testimonyId', 'token']) expect(isSecretField(name), name).toBe(false);
  });
});
