// Published in the README; these accounts exist only on demo instances (users.is_demo).
// A separate module so end-to-end tests can use the credentials without loading the seed.
export const demoPassphrase = 'demo passphrase for yadman';
/** 20 bytes (160 bits) in base32: TOTP libraries refuse secrets under 128 bits. */
export const demoTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const demoUsernames = { submitter: 'demo-submitter', moderator: 'demo-moderator', admin: 'demo-admin' } as const;
