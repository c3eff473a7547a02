import type { Option } from '@/types/api';

/** AttributesTable lists a product's characteristics. */
export function AttributesTable({ rows }: { rows: Option[] }) {
  if (rows.length === 0) return null;

  return (
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left text-lg font-semibold text-slate-900">
        Características
      </caption>
      <tbody>
        {rows.map((row, i) => (
          <tr key={`${i}-${row.name}`} className="border-t border-slate-200">
            <th
              scope="row"
              className="w-2/5 py-2 pr-4 text-left align-top font-medium text-slate-600"
            >
              {row.name}
            </th>
            <td className="py-2 text-slate-900">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
