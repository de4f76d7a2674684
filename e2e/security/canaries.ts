// Sent with every request of `npm run test:security` (playwright.config.ts) and grepped for
// afterwards in the server's output and the database folder: neither may hold them.
export const securityCanaries = [
  { name: 'canary address', value: '203.0.113.77' },
  { name: 'canary user agent', value: 'YadmanCanaryAgent/7.7' },
];
