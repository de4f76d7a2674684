// A table documenting the fields of one public object (data page): the JSON field, the CSV
// column(s) that carry it, and what it means.
export function FieldTable({
  caption,
  fieldHeading,
  csvHeading,
  meaningHeading,
  rows,
}: {
  caption: string;
  fieldHeading: string;
  csvHeading: string;
  meaningHeading: string;
  rows: { key: string; csv: string[]; meaning: string }[];
}) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-1 pe-4 text-start">{fieldHeading}</th>
            <th scope="col" className="py-1 pe-4 text-start">{csvHeading}</th>
            <th scope="col" className="py-1 text-start">{meaningHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-line align-top">
              <th scope="row" className="py-1 pe-4 text-start font-normal">
                <code dir="ltr">{row.key}</code>
              </th>
              <td className="py-1 pe-4">
                {row.csv.map((name, i) => (
                  <span key={name}>
                    {i > 0 ? ' ' : null}
                    <code dir="ltr" className="inline-block">{name}</code>
                  </span>
                ))}
              </td>
              <td className="py-1">{row.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
