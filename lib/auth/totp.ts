// TOTP (RFC 6238) for staff accounts. The QR code is drawn on the server as SVG:
// the secret never leaves the site, not even to a QR-code service.
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const issuer = 'Yadman';
/** Accept the previous and next 30-second step for clock drift, never more. */
const toleranceSeconds = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer, label: username, secret });
}

export function totpQrSvg(secret: string, username: string): Promise<string> {
  return QRCode.toString(totpUri(secret, username), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Checks a code and refuses any time step at or before `lastUsedStep`, so a code seen over
 * someone's shoulder (or replayed from a captured request) cannot be used a second time.
 */
export async function checkTotp(secret: string, code: string, lastUsedStep: number | null): Promise<TotpCheck> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return { valid: false };
  const result = await verify({
    secret,
    token,
    epochTolerance: toleranceSeconds,
    ...(lastUsedStep === null ? {} : { afterTimeStep: lastUsedStep }),
  });
  // The shared result type also covers HOTP, which has no time step.
  return result.valid && 'timeStep' in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}

/** The current code for a secret: used by tests and the demo instructions, never sent to a client. */
export function currentTotp(secret: string, epochSeconds?: number): Promise<string> {
  return generate({ secret, ...(epochSeconds === undefined ? {} : { epoch: epochSeconds }) });
}
