import 'server-only';
// Auth.js (next-auth v5) carries the session id in an encrypted, HttpOnly cookie. It is created
// lazily, so importing this module at build time opens no database and reads no secret.
// There is no /api/auth route: sign-in and sign-out run only through our server actions.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { env } from '@/lib/env.mjs';
import { signInSchema } from '@/lib/validation/account';
import { requestAddressKey } from '@/lib/abuse/address';
import { challengeField, honeypotField, proofField } from '@/lib/abuse/challenge-fields';
import { signInWithPassphrase } from './credentials';
import { sessionMaxAgeMs } from './sessions';

/** Thrown from `authorize`; `code` tells the form which translated message to show. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly code: 'invalid' | 'throttled' | 'challenge_failed' | 'challenge_wait',
    readonly retryAfterSeconds = 0,
  ) {
    super();
  }
}

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
  }
}


/** The session cookie's name: `__Host-` prefixed when the site is served over HTTPS. */
export function sessionCookieName(): string {
  return env().AUTH_URL?.startsWith('https://') ? '__Host-yadman.session' : 'yadman.session';
}

function config(): NextAuthConfig {
  const e = env();
  const secure = e.AUTH_URL?.startsWith('https://') ?? false;
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    // The cookie (and the token in it) expires with the session's absolute limit; idle limits per
    // role, and the absolute limit itself, are enforced on the server rows (./sessions.ts).
    session: { strategy: 'jwt', maxAge: sessionMaxAgeMs() / 1000 },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        // `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, Path=/).
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      Credentials({
        credentials: { username: {}, passphrase: {}, challenge: {}, altcha: {}, website: {} },
        async authorize(raw, request) {
          const input = signInSchema.safeParse(raw);
          if (!input.success) throw new SignInRefused('invalid');
          // The form gate travels with the credentials (app/[locale]/(account)/sign-in/actions.ts).
          const gate = { challenge: raw[challengeField], proof: raw[proofField], trap: raw[honeypotField] };
          const result = await signInWithPassphrase(await getDb(), { ...input.data, gate }, requestAddressKey(request.headers));
          if (!result.ok) throw new SignInRefused(result.reason, 'retryAfterSeconds' in result ? result.retryAfterSeconds : 0);
          return { id: result.userId, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        // Nothing but the subject and the session id travels in the cookie.
        return { sub: token.sub, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid } as typeof session;
      },
    },
    logger: {
      // A failed sign-in is an expected outcome, not an error worth a stack trace in the logs.
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
        console.error(`auth: ${error.name}`);
      },
      warn() {},
      debug() {},
    },
  };
}

export const { auth, signIn, signOut } = NextAuth(() => config());
