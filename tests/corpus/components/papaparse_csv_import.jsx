// expect: Import CSV
// expect: Berlin
// expect: 5 rows · 4 columns
// libs: papaparse, lucide
import { useEffect, useState } from "react";
import Papa from "papaparse";
import { FileUp, Table2 } from "lucide-react";

const SAMPLE = `city,country,population,area_km2
Berlin,Germany,3677472,891.8
Madrid,Spain,3305408,604.3
Rome,Italy,2761632,1285
Paris,France,2102650,105.4
Vienna,Austria,1982097,414.6`;

export default function CsvImporter() {
  const [rows, setRows] = useState([]);
  const [fields, setFields] = useState([]);
  const [fileName, setFileName] = useState("sample.csv");
  const [errors, setErrors] = useState([]);

  const load = (input, name) => {
    Papa.parse(input, {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
      complete: (result) => {
        setRows(result.data);
        setFields(result.meta.fields ?? []);
        setErrors(result.errors.map((e) => `Row ${e.row}: ${e.message}`));
        setFileName(name);
      },
    });
  };

  useEffect(() => {
    load(SAMPLE, "sample.csv");
  }, []);

  const onFile = (event) => {
    const file = event.target.files?.[0];
    if (file) load(file, file.name);
  };

  return (
    <div className="space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-xl font-semibold">
          <Table2 className="h-5 w-5" /> Import CSV
        </h2>
        <label className="flex cursor-pointer items-center gap-2 rounded-md bg-blue-600 px-3 py-2 text-sm text-white">
          <FileUp className="h-4 w-4" /> Choose file
          <input type="file" accept=".csv,text/csv" className="hidden" onChange={onFile} />
        </label>
      </div>
      <p className="text-sm text-gray-500">
        {fileName}: {rows.length} rows · {fields.length} columns
      </p>
      {errors.length > 0 && (
        <ul className="rounded bg-red-50 p-2 text-xs text-red-700">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      <div className="overflow-x-auto rounded-lg border">
        <table className="min-w-full text-sm">
          <thead className="bg-gray-50">
            <tr>
              {fields.map((f) => (
                <th key={f} className="px-3 py-2 text-left font-medium text-gray-700">{f}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className="border-t">
                {fields.map((f) => (
                  <td key={f} className="px-3 py-2">
                    {typeof row[f] === "number" ? row[f].toLocaleString("en-US") : row[f]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
