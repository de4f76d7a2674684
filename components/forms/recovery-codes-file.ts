// The recovery codes as a file saved in the page itself (a data: URL: it works without JavaScript
// and nothing is stored or sent anywhere). A phone may be seized and its Downloads read: the file's
// name and text say nothing of this site or the account — the codes alone, under a name any
// service's backup codes could have. The person keeps her username in her head (the page says so).

/** What the file is called; named in the page's hint, so she can find it again. */
export const recoveryCodesFileName = 'codes.txt';

/** The file's address: one code a line, nothing else. */
export function recoveryCodesFileHref(codes: readonly string[]): string {
  return `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join('\r\n')}\r\n`)}`;
}
