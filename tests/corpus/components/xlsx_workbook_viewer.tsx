// expect: Workbook viewer
// expect: Q1 targets
// expect: Hannah Ortiz
// libs: xlsx, lucide
import { useEffect, useState, type ChangeEvent } from "react";
import * as XLSX from "xlsx";
import { FileSpreadsheet, Upload } from "lucide-react";

type Row = Record<string, string | number>;

function sampleWorkbook(): XLSX.WorkBook {
  const targets = XLSX.utils.aoa_to_sheet([
    ["Rep", "Region", "Target", "Closed"],
    ["Hannah Ortiz", "West", 120000, 98000],
    ["Kenji Watanabe", "East", 110000, 121500],
    ["Leila Haddad", "North", 95000, 87000],
  ]);
  const accounts = XLSX.utils.aoa_to_sheet([
    ["Account", "Owner", "ARR"],
    ["Globex", "Hannah Ortiz", 54000],
    ["Initech", "Kenji Watanabe", 38000],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, targets, "Q1 targets");
  XLSX.utils.book_append_sheet(book, accounts, "Accounts");
  return book;
}

export default function WorkbookViewer() {
  const [book, setBook] = useState<XLSX.WorkBook | null>(null);
  const [sheet, setSheet] = useState<string>("");
  const [source, setSource] = useState("sample workbook");

  useEffect(() => {
    // Round-trip through bytes so the sample goes down the same path as an uploaded file.
    const bytes = XLSX.write(sampleWorkbook(), { type: "array", bookType: "xlsx" });
    const parsed = XLSX.read(bytes, { type: "array" });
    setBook(parsed);
    setSheet(parsed.SheetNames[0]);
  }, []);

  const onUpload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const parsed = XLSX.read(await file.arrayBuffer());
    setBook(parsed);
    setSheet(parsed.SheetNames[0]);
    setSource(file.name);
  };

  const rows: Row[] = book && sheet ? XLSX.utils.sheet_to_json<Row>(book.Sheets[sheet]) : [];
  const columns = rows.length ? Object.keys(rows[0]) : [];

  return (
    <div className="space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-xl font-semibold">
          <FileSpreadsheet className="h-5 w-5 text-green-600" /> Workbook viewer
        </h2>
        <label className="flex cursor-pointer items-center gap-2 rounded border px-3 py-1.5 text-sm">
          <Upload className="h-4 w-4" /> Open .xlsx
          <input type="file" accept=".xlsx,.xls,.csv" className="hidden" onChange={onUpload} />
        </label>
      </div>
      <p className="text-xs text-gray-500">Showing {source}</p>
      <div className="flex gap-1 border-b">
        {book?.SheetNames.map((name) => (
          <button
            key={name}
            onClick={() => setSheet(name)}
            className={`px-3 py-1.5 text-sm ${name === sheet ? "border-b-2 border-green-600 font-medium" : "text-gray-500"}`}
          >
            {name}
          </button>
        ))}
      </div>
      <table className="w-full text-sm">
        <thead>
          <tr>{columns.map((c) => <th key={c} className="py-1 text-left text-gray-600">{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-t">
              {columns.map((c) => <td key={c} className="py-1">{String(row[c])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
