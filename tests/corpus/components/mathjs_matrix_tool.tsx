// expect: Matrix tool
// expect: Determinant: -2
// expect: Inverse
// libs: mathjs
import { useMemo, useState } from "react";
import * as math from "mathjs";

type Grid = number[][];

const START: Grid = [
  [1, 2],
  [3, 4],
];

function MatrixView({ title, grid }: { title: string; grid: Grid }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-medium text-slate-600">{title}</h3>
      <table className="border-x-2 border-slate-800">
        <tbody>
          {grid.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td key={j} className="px-3 py-1 text-center font-mono">
                  {math.format(v, { precision: 3 })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function MatrixTool() {
  const [grid, setGrid] = useState<Grid>(START);

  const stats = useMemo(() => {
    const m = math.matrix(grid);
    const det = math.det(m);
    return {
      det,
      transpose: math.transpose(m).toArray() as Grid,
      inverse: det === 0 ? null : (math.inv(m).toArray() as Grid),
      squared: math.multiply(m, m).toArray() as Grid,
    };
  }, [grid]);

  const edit = (i: number, j: number, value: string) => {
    const n = Number(value);
    setGrid((g) => g.map((row, r) => row.map((v, c) => (r === i && c === j ? (Number.isFinite(n) ? n : v) : v))));
  };

  return (
    <div className="space-y-5 p-6">
      <h2 className="text-xl font-semibold">Matrix tool</h2>
      <div className="flex flex-col gap-2">
        {grid.map((row, i) => (
          <div key={i} className="flex gap-2">
            {row.map((v, j) => (
              <input
                key={j}
                type="number"
                value={v}
                onChange={(e) => edit(i, j, e.target.value)}
                className="w-16 rounded border px-2 py-1 font-mono"
              />
            ))}
          </div>
        ))}
      </div>
      <p className="font-mono">Determinant: {math.format(stats.det, { precision: 4 })}</p>
      <div className="flex flex-wrap gap-8">
        <MatrixView title="Transpose" grid={stats.transpose} />
        {stats.inverse ? <MatrixView title="Inverse" grid={stats.inverse} /> : <p>Singular: no inverse</p>}
        <MatrixView title="A²" grid={stats.squared} />
      </div>
    </div>
  );
}
