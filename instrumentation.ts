// Runs once when the Next.js server starts. The database modules are imported only inside the
// `nodejs` branch, which Next removes from the Edge bundle, and never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First: every line this process logs from now on is one escaped line without addresses or
    // bound query values (lib/security/log-guard.ts).
    const { installLogGuard } = await import('./lib/security/log-guard');
    installLogGuard();
    const { prepareDatabase } = await import('./lib/startup');
    await prepareDatabase();
    // The public cache in front of Next (scripts/server.mjs) reads the public data version through
    // this process's own database handle.
    const [{ provideVersionReader }, { readPublicDataVersion }, { withDb }] = await Promise.all([
      import('./lib/public-cache/version-source.mjs'),
      import('./lib/memorial/version'),
      import('./lib/db'),
    ]);
    provideVersionReader(() => withDb(readPublicDataVersion));
    // …and answers searches it splices into the search page's shell (lib/public-cache/search-fast.mjs).
    const [{ provideSearchAnswer }, { answerSearch }] = await Promise.all([
      import('./lib/public-cache/search-source.mjs'),
      import('./lib/memorial/search-answer'),
    ]);
    provideSearchAnswer((ask) => withDb(answerSearch, ask));
    // …and the submission journey's form posts sent without JavaScript (lib/submission/fast-posts.mjs).
    const [{ provideFormPostAnswer }, { answerFormPost }] = await Promise.all([
      import('./lib/submission/fast-posts-source.mjs'),
      import('./lib/submission/post-answer'),
    ]);
    provideFormPostAnswer((ask) => withDb(answerFormPost, ask));
    // …and says whose draft a submission step's page shows, for the step's shell (lib/forms-shell/step-fast.mjs).
    const [{ provideStepAnswer }, { answerStep }, { sessionCookieName }] = await Promise.all([
      import('./lib/forms-shell/step-source.mjs'),
      import('./lib/forms-shell/step-answer'),
      import('./lib/auth/next-auth'),
    ]);
    provideStepAnswer((ask) => withDb(answerStep, ask, sessionCookieName()), sessionCookieName());
    // Background work (media processing, …) runs in this process, polling the jobs table.
    const { startJobWorker } = await import('./lib/jobs/start');
    startJobWorker();
  }
}
