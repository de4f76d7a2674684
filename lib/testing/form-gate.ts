// The challenge a sign-up or submission form carries (lib/abuse/challenge.ts), as a person who took
// a minute to fill the form would post it: issued by the real function, accepted once.
import { issueChallenge } from '@/lib/abuse/challenge';

export const formGate = () => ({ challenge: issueChallenge(new Date(Date.now() - 60_000)) });
