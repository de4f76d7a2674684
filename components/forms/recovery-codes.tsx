/**
 * Recovery codes, shown once; `dir="ltr"` keeps each code readable inside a Persian page. With
 * `download`, a link saves them as a text file made in the page itself (a data: URL, so it works
 * without JavaScript and nothing is stored or sent anywhere).
 */
export function RecoveryCodes({ codes, label, download }: { codes: string[]; label: string; download?: string }) {
  return (
    <>
      <ol aria-label={label} dir="ltr" className="mt-3 grid grid-cols-2 gap-2 rounded border border-line bg-white p-4 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      {download && (
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join('\r\n')}\r\n`)}`} download="yadman-recovery-codes.txt" className="mt-3 inline-block font-semibold">
          {download}
        </a>
      )}
    </>
  );
}
