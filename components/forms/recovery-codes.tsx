import { recoveryCodesFileHref, recoveryCodesFileName } from './recovery-codes-file';

/**
 * Recovery codes, shown once; `dir="ltr"` keeps each code readable inside a Persian page. With
 * `download`, a link saves them as a text file made in the page itself (recovery-codes-file.ts:
 * a neutral name, the codes alone), and `downloadHint` says what the file is called and holds.
 */
export function RecoveryCodes({ codes, label, download, downloadHint }: { codes: string[]; label: string; download?: string; downloadHint?: string }) {
  return (
    <>
      <ol aria-label={label} dir="ltr" className="mt-3 grid grid-cols-2 gap-2 rounded border border-line bg-white p-4 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      {download && (
        <p className="mt-3">
          <a href={recoveryCodesFileHref(codes)} download={recoveryCodesFileName} aria-describedby={downloadHint ? 'recovery-codes-file-hint' : undefined} className="font-semibold">
            {download}
          </a>
          {downloadHint && (
            <span id="recovery-codes-file-hint" className="block text-sm text-muted">
              {downloadHint}
            </span>
          )}
        </p>
      )}
    </>
  );
}
