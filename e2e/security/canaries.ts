// Sent with every request of `npm run test:security` (playwright.config.ts), or typed into a draft's
// narrative that is never submitted (e2e/submit.e2e.ts), and grepped for afterwards in the
// server's output and the database folder: neither may hold them.
export const securityCanaries = [
  { name: 'canary address', value: '203.0.113.77' },
  { name: 'canary user agent', value: 'YadmanCanaryAgent/7.7' },
  // Stored only encrypted (lib/testimonies/sealed.ts), and never logged.
  { name: 'canary testimony text', value: 'YadmanCanaryNarrative-5c1e' },
];

export const narrativeCanary = securityCanaries.find((c) => c.name === 'canary testimony text')!.value;
