// A table documenting the fields of one public object (data page).
export function FieldTable({
  caption,
  fieldHeading,
  meaningHeading,
  rows,
}: {
  caption: string;
  fieldHeading: string;
  meaningHeading: string;
  rows: { key: string; meaning: string }[];
}) {
  return (
    <table className="mt-6 w-full border-collapse text-sm">
      <caption className="mb-2 text-start font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-1 pe-4 text-start">{fieldHeading}</th>
          <th scope="col" className="py-1 text-start">{meaningHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-line align-top">
            <th scope="row" className="py-1 pe-4 text-start font-normal">
              <code dir="ltr">{row.key}</code>
            </th>
            <td className="py-1">{row.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
