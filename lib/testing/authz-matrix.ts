// Expected outcomes for lib/authz/matrix.integration.test.ts. Written out by hand on purpose:
// changing who may call what must change this file too, where a reviewer sees it.
import type { Access } from '@/lib/authz/access';
import type { ActorName } from '@/lib/testing/actors';

export type Outcome = 'allowed' | 'unauthenticated' | 'second_factor_required' | 'not_found';

type ActionExpectation = { access: Access; expect: (actor: ActorName) => Outcome };
type RouteExpectation = {
  request: () => Request;
  params?: Record<string, string | string[]>;
  status: (actor: ActorName) => number;
};

const origin = 'http://localhost:3000';
/** What a browser sends with a request from the site itself (state-changing routes refuse anything else). */
const fromSite = { Host: new URL(origin).host, Origin: origin, 'Sec-Fetch-Site': 'same-origin' };
const signedOut = new Set<ActorName>(['anonymous', 'disabled']);
const unknownId = '00000000-0000-4000-8000-000000000000';

/** Anyone, signed in or not, disabled or not. */
const everyone = (): ActionExpectation => ({ access: 'public', expect: () => 'allowed' });
/** Any live session, including staff who still owe their TOTP code. */
const anySession = (): ActionExpectation => ({
  access: 'session',
  expect: (actor) => (signedOut.has(actor) ? 'unauthenticated' : 'allowed'),
});
/** Fully signed in: staff must have given their second factor. */
const signedIn = (): ActionExpectation => ({
  access: 'signed-in',
  expect: (actor) =>
    signedOut.has(actor) ? 'unauthenticated' : actor === 'moderatorWithout2fa' ? 'second_factor_required' : 'allowed',
});
/** A permission every role has (one's own account): like `signedIn`, but named in the table. */
const ownAccount = (): ActionExpectation => ({ ...signedIn(), access: { permission: 'account.manage.own' } });
/** A permission every role has (a submitter's own testimonies): like `signedIn`, named in the table. */
const anyRole = (permission: Extract<Access, object>['permission']): ActionExpectation => ({ ...signedIn(), access: { permission } });
const adminOnly = (permission: Extract<Access, object>['permission']): ActionExpectation => ({
  access: { permission },
  expect: (actor) =>
    signedOut.has(actor)
      ? 'unauthenticated'
      : actor === 'moderatorWithout2fa'
        ? 'second_factor_required'
        : actor === 'admin'
          ? 'allowed'
          : 'not_found',
});

/** Staff with a permission moderators and admins both have (moderation): submitters get 404. */
const staffOnly = (permission: Extract<Access, object>['permission']): ActionExpectation => ({
  access: { permission },
  expect: (actor) =>
    signedOut.has(actor)
      ? 'unauthenticated'
      : actor === 'moderatorWithout2fa'
        ? 'second_factor_required'
        : actor === 'moderator' || actor === 'admin'
          ? 'allowed'
          : 'not_found',
});

export const actionMatrix: Record<string, ActionExpectation> = {
  // Accounts
  'account.signUp': everyone(),
  'account.generatePassphrase': everyone(),
  'account.signIn': everyone(),
  'account.recover': everyone(),
  'account.verifySecondFactor': anySession(),
  'account.beginEnrolment': anySession(),
  'account.confirmEnrolment': anySession(),
  'account.changePassphrase': ownAccount(),
  'account.setEmail': ownAccount(),
  'account.regenerateRecoveryCodes': ownAccount(),
  'account.signOutEverywhere': ownAccount(),
  // Administration
  'user.changeRole': adminOnly('user.manage'),
  'user.setAccess': adminOnly('user.manage'),
  'user.resetTwoFactor': adminOnly('user.manage'),
  'user.signOutEverywhere': adminOnly('user.manage'),
  'invitation.create': adminOnly('user.invite'),
  'invitation.revoke': adminOnly('user.invite'),
  'invitation.accept': everyone(),
  'settings.update': adminOnly('settings.manage'),
  'collection.save': adminOnly('collection.manage'),
  'import.upload': adminOnly('data.import'),
  'import.map': adminOnly('data.import'),
  'import.commit': adminOnly('data.import'),
  'import.discard': adminOnly('data.import'),
  // Exports for investigators (issue 23 §1): admins only; moderators and submitters get 404.
  'export.request': adminOnly('data.export'),
  'export.approve': adminOnly('data.export'),
  'export.decline': adminOnly('data.export'),
  // Submission (issue 4): permissions every role has; whose draft or testimony it is, is checked
  // in lib/testimonies (covered by lib/testimonies/submission.integration.test.ts).
  'testimony.start': anyRole('testimony.submit'),
  'testimony.saveStep': anyRole('testimony.edit.own'),
  'testimony.submit': anyRole('testimony.submit'),
  'testimony.withdraw': anyRole('testimony.withdraw.own'),
  'testimony.reply': anyRole('message.reply.own'),
  'notifications.markRead': anyRole('testimony.read.own'),
  // Moderation (issue 5): lib/moderation checks the claim, the holder and own testimonies again
  // (lib/moderation/moderation.integration.test.ts).
  'moderation.claimNext': staffOnly('moderation.claim'),
  'moderation.claim': staffOnly('moderation.claim'),
  'moderation.release': staffOnly('moderation.claim'),
  'moderation.requestChanges': staffOnly('moderation.decide'),
  'moderation.reject': staffOnly('moderation.decide'),
  'moderation.saveRedaction': staffOnly('moderation.redact'),
  'moderation.publish': staffOnly('moderation.decide'),
  'moderation.addNote': staffOnly('note.write'),
  'moderation.sendMessage': staffOnly('message.send'),
  'person.create': staffOnly('person.create'),
  'person.update': staffOnly('person.edit'),
  'person.addAlias': staffOnly('person.edit'),
  'person.removeAlias': staffOnly('person.edit'),
  'person.addSource': staffOnly('person.edit'),
  'person.linkTestimony': staffOnly('person.edit'),
  'person.merge': staffOnly('person.merge'),
  'person.undoMerge': staffOnly('person.merge'),
  'person.approveMinorIdentity': staffOnly('person.verify'),
  // Files (issue 4; uploads are route handlers, below). Whose file it is and whether its testimony
  // is editable: lib/media/remove.integration.test.ts.
  'attachment.remove': anyRole('testimony.edit.own'),
  // Claim, flags and consent: lib/media/review-files.integration.test.ts.
  'moderation.setFileVisibility': staffOnly('moderation.redact'),
  'moderation.setFileCaption': staffOnly('moderation.redact'),
  'moderation.unpublish': staffOnly('moderation.decide'),
  'moderation.correctRedaction': staffOnly('moderation.redact'),
  'moderation.setCredit': staffOnly('moderation.redact'),
};

export const routeMatrix: Record<string, Record<string, RouteExpectation>> = {
  // Media: an unknown id is 404 for everyone, staff included (lib/media/serve.integration.test.ts
  // covers owner, other submitter, anonymous and staff on real files).
  'app/api/media/[id]/route.ts': {
    GET: {
      request: () => new Request(`${origin}/api/media/00000000-0000-4000-8000-000000000000`),
      params: { id: '00000000-0000-4000-8000-000000000000' },
      status: () => 404,
    },
  },
  // Uploads (issue 4): the session is checked before the body is read; whose draft it is, the type,
  // the size and the rate are covered by lib/media/uploads.integration.test.ts and e2e/media.e2e.ts.
  'app/api/uploads/form/route.ts': {
    POST: {
      request: () => new Request(`${origin}/api/uploads/form`, { method: 'POST', headers: fromSite, body: 'not a form' }),
      status: (actor) => (signedOut.has(actor) ? 401 : actor === 'moderatorWithout2fa' ? 404 : 400),
    },
  },
  'app/api/uploads/tus/[[...id]]/route.ts': {
    // Creating an upload for a testimony that is not the caller's: 404 like an unknown id.
    POST: {
      request: () =>
        new Request(`${origin}/api/uploads/tus`, {
          method: 'POST',
          headers: { ...fromSite, 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', 'Upload-Metadata': `kind ${btoa('image')},testimonyId ${btoa(unknownId)}` },
        }),
      params: {},
      status: (actor) => (signedOut.has(actor) ? 401 : 404),
    },
    // Someone else's (here: no) upload: 404 for everyone.
    PATCH: {
      request: () =>
        new Request(`${origin}/api/uploads/tus/${unknownId}`, {
          method: 'PATCH',
          headers: { ...fromSite, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
          body: 'x',
        }),
      params: { id: [unknownId] },
      status: () => 404,
    },
    HEAD: { request: () => new Request(`${origin}/api/uploads/tus/${unknownId}`, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } }), params: { id: [unknownId] }, status: () => 404 },
    DELETE: { request: () => new Request(`${origin}/api/uploads/tus/${unknownId}`, { method: 'DELETE', headers: { ...fromSite, 'Tus-Resumable': '1.0.0' } }), params: { id: [unknownId] }, status: () => 404 },
    // Capabilities only (tus discovery), the same for everyone.
    OPTIONS: { request: () => new Request(`${origin}/api/uploads/tus`, { method: 'OPTIONS' }), params: {}, status: () => 204 },
  },
  // Sign-out is allowed for everyone with a session, but only from the site itself: a cross-site
  // request is refused before anything changes (the same-origin path is covered end to end).
  'app/[locale]/sign-out/route.ts': {
    POST: {
      request: () =>
        new Request(`${origin}/en/sign-out`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' } }),
      params: { locale: 'en' },
      status: () => 403,
    },
    GET: { request: () => new Request(`${origin}/en/sign-out`), params: { locale: 'en' }, status: () => 405 },
  },
  // An import's left-out rows (lib/imports/run.ts leftOutRows checks data.import): an unknown batch
  // is 404 for everyone, admins included (lib/imports/import.integration.test.ts covers a real one).
  'app/api/imports/[id]/left-out/route.ts': {
    GET: { request: () => new Request(`${origin}/api/imports/${unknownId}/left-out`), params: { id: unknownId }, status: () => 404 },
  },
  // Leave quickly: anyone may leave; a cross-site post is sent on to the neutral page without ending
  // anything (the same-origin path, which ends the session, is covered end to end in e2e/journeys).
  'app/[locale]/leave/route.ts': {
    POST: {
      request: () =>
        new Request(`${origin}/en/leave`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' } }),
      params: { locale: 'en' },
      status: () => 200,
    },
    GET: { request: () => new Request(`${origin}/en/leave`), params: { locale: 'en' }, status: () => 405 },
  },
  // The latest signed static mirror (lib/mirror/published.ts): public and the same for everyone; a
  // name that is not one of its three files is 404 (lib/mirror tests cover a published copy).
  // An export's encrypted package: an unknown id is 404 for everyone, admins included
  // (lib/evidence/export.integration.test.ts downloads a real one as admin, and refuses the others).
  'app/api/evidence-exports/[id]/route.ts': {
    GET: { request: () => new Request(`${origin}/api/evidence-exports/${unknownId}`), params: { id: unknownId }, status: () => 404 },
  },
  // The audit chain's signed checkpoints: public and the same for everyone.
  'app/api/v1/audit/checkpoints/route.ts': {
    GET: { request: () => new Request(`${origin}/api/v1/audit/checkpoints`), status: () => 200 },
  },
  'app/api/mirror/[file]/route.ts': {
    GET: { request: () => new Request(`${origin}/api/mirror/nothing.txt`), params: { file: 'nothing.txt' }, status: () => 404 },
  },
  // Proof of work for the sign-up and submission forms (lib/abuse/proof-of-work.ts): public, the same
  // for every actor, and read-only (the per-address count is kept in memory).
  'app/api/altcha/challenge/route.ts': { GET: { request: () => new Request(`${origin}/api/altcha/challenge`), status: () => 200 } },
  'app/api/altcha/worker/route.ts': { GET: { request: () => new Request(`${origin}/api/altcha/worker`), status: () => 200 } },
  'app/api/health/route.ts': {
    GET: { request: () => new Request(`${origin}/api/health`), status: () => 200 },
  },
  // Open data and statistics (issue 6): public, the same answer for every actor.
  'app/[locale]/(public)/statistics/[chart]/route.ts': {
    GET: {
      request: () => new Request(`${origin}/en/statistics/provinces.csv`),
      params: { locale: 'en', chart: 'provinces.csv' },
      status: () => 200,
    },
  },
  // A collection's feed and statistics files: public, and an unknown collection is 404 for everyone.
  'app/[locale]/(public)/collections/[slug]/feed.xml/route.ts': {
    GET: { request: () => new Request(`${origin}/en/collections/no-such-collection/feed.xml`), params: { locale: 'en', slug: 'no-such-collection' }, status: () => 404 },
  },
  'app/[locale]/(public)/collections/[slug]/statistics/[chart]/route.ts': {
    GET: {
      request: () => new Request(`${origin}/en/collections/no-such-collection/statistics/provinces.csv`),
      params: { locale: 'en', slug: 'no-such-collection', chart: 'provinces.csv' },
      status: () => 404,
    },
  },
  'app/[locale]/feed.xml/route.ts': {
    GET: { request: () => new Request(`${origin}/en/feed.xml`), params: { locale: 'en' }, status: () => 200 },
  },
  'app/api/v1/persons/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/persons`), status: () => 200 } },
  // An unknown id: 404 for everyone, staff included (the API never shows unpublished records).
  'app/api/v1/persons/[id]/route.ts': {
    GET: {
      request: () => new Request(`${origin}/api/v1/persons/00000000-0000-4000-8000-000000000000`),
      params: { id: '00000000-0000-4000-8000-000000000000' },
      status: () => 404,
    },
  },
  'app/api/v1/testimonies/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/testimonies`), status: () => 200 } },
  'app/api/v1/openapi.json/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/openapi.json`), status: () => 200 } },
  'app/api/v1/persons.csv/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/persons.csv`), status: () => 200 } },
  'app/api/v1/persons.json/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/persons.json`), status: () => 200 } },
  'app/api/v1/testimonies.csv/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/testimonies.csv`), status: () => 200 } },
  'app/api/v1/testimonies.json/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/testimonies.json`), status: () => 200 } },
  'app/api/v1/retracted/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/retracted`), status: () => 200 } },
  'app/api/v1/retracted.csv/route.ts': { GET: { request: () => new Request(`${origin}/api/v1/retracted.csv`), status: () => 200 } },
  // A testimony's permanent link: an unknown id leads to the one 404 page, for everyone.
  'app/[locale]/testimonies/[id]/route.ts': {
    GET: { request: () => new Request(`${origin}/en/testimonies/${unknownId}`), params: { locale: 'en', id: unknownId }, status: () => 307 },
  },
  'app/sitemap.xml/route.ts': { GET: { request: () => new Request(`${origin}/sitemap.xml`), status: () => 200 } },
  // A small memorial fits in /sitemap.xml itself: there are no split files, for anyone.
  'app/sitemaps/[file]/route.ts': {
    GET: { request: () => new Request(`${origin}/sitemaps/0.xml`), params: { file: '0.xml' }, status: () => 404 },
  },
};
