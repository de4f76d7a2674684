import { describe, expect, it } from 'vitest';
import { passphraseWords } from './passphrase-words';
import { passphraseEntropyBits } from './passphrase';

// Written apart from the list the module removes, by topic: a generated passphrase must never
// hold one of these (on paper found in a search, or read over a shoulder).
const dangerous = {
  protest: ['protest', 'riot', 'rally', 'chant', 'slogan', 'uprising', 'revolt', 'rebel', 'unrest', 'strike', 'march', 'activist', 'mutiny', 'regime', 'dictator', 'traitor', 'treason', 'patriot'],
  prison: ['prison', 'imprison', 'jail', 'jailer', 'jailbird', 'jailbreak', 'jailhouse', 'detention', 'custody', 'custodian', 'captive', 'captivity', 'handcuff', 'hostage', 'arrest', 'exile', 'deport', 'cage'],
  police: ['police', 'constable', 'patrol', 'squad', 'baton', 'snitch', 'espionage', 'frisk', 'suspect'],
  law: ['legal', 'unlawful', 'judge', 'jury', 'trial', 'retrial', 'verdict', 'statute', 'perjury', 'paralegal', 'prelaw', 'alibi', 'confess', 'convict', 'penalty', 'sworn', 'culprit'],
  evidence: ['evidence', 'survivor', 'victim', 'widow', 'mourner', 'grief', 'grave', 'graveyard', 'casket', 'gallows'],
  violence: ['handgun', 'revolver', 'buckshot', 'shrapnel', 'rocket', 'dagger', 'blade', 'armed', 'armory', 'battle', 'ambush', 'wound', 'hurt', 'punch', 'strangle', 'suffocate', 'poison', 'overkill', 'maimed', 'mutilated', 'gore', 'explode', 'detonate', 'arson'],
};

describe('passphraseWords', () => {
  it('holds no word of protest, prison, police, law, evidence or violence', () => {
    const words = new Set(passphraseWords);
    const found = Object.values(dangerous).flat().filter((w) => words.has(w));
    expect(found).toEqual([]);
  });

  it('still gives a six-word passphrase more than the 70 bits asked for', () => {
    expect(passphraseWords.length).toBeGreaterThan(7500);
    expect(passphraseEntropyBits()).toBeGreaterThan(77);
  });
});
