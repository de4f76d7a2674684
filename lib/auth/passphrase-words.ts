// The words a generated passphrase is made of: the EFF diceware list, less every word a searcher
// would stop at on a paper found in a raid — protest, prison, police and courts, weapons, violence,
// death, evidence (issue 18: "detention", "evidence", "custodian" were on a mother's sheet of paper).
// The list below was read out of the 7,776 words by hand; passphrase-words.test.ts checks the
// result against a separate list of such words, so a word missed here fails the test.
import { dictionary } from '@zxcvbn-ts/language-common';

const risky = new Set(
  `ablaze activism activist aflame alibi ambush armed armored armory arrest arson backstab baton battle blade bloodshed
  brigade browbeat bruising buckshot bullwhip cage captive captivity casket casualty cavalry chant chokehold clash
  clubbed clubbing coma confess congress constable convict coroner culprit custodian custody dagger danger deport
  detention detonate detonator dictator drown embattled endanger enlisted entomb espionage evidence execute exile
  explode flashback foe fracture frisk gallows gore gory grave graves graveyard grief grieving grievous gunman gunfire
  handcuff handgun hostage hurt imprison jackknife jailbird jailbreak jailer jailhouse judge jury legal legislate
  maimed march martyr mobster mourner mournful mutilated mutilator mutiny oppressed oppressor outshoot overkill
  overshoot overshot panic paralegal patriot patrol penalize penalty penknife perish perjury persecute poison police
  postwar prelaw prewar prison punch punisher raider rally reburial rebel regime reshoot retrial revolt revolver riot
  rocket sandblast senate senator shrapnel shriek slashed slashing slingshot slogan smuggler smuggling snitch squad
  statute strangle strike suffocate survivor suspect sworn threaten traitor treason trial undead unlawful unrest
  unsworn uprising verdict veteran victim voter widow wound wreckage`.split(/\s+/),
);

export const passphraseWords: readonly string[] = dictionary['diceware-common'].filter((word) => !risky.has(word));
