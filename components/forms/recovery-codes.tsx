/** Recovery codes, shown once; `dir="ltr"` keeps each code readable inside a Persian page. */
export function RecoveryCodes({ codes, label }: { codes: string[]; label: string }) {
  return (
    <ol aria-label={label} dir="ltr" className="mt-3 grid grid-cols-2 gap-2 rounded border border-line bg-white p-4 font-mono text-lg">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ol>
  );
}
