import { useEffect } from "react";
import * as XLSX from "xlsx";

// Escape attempt: library_xlsx_url — SheetJS asked to read a workbook by URL, and to write a file
export default function Hostile() {
  useEffect(() => {
    try {
      XLSX.readFile("__LISTENER__/library_xlsx_url/book.xlsx");
    } catch (error) {
      console.info("contained", error && error.message);
    }
    try {
      const sheet = XLSX.utils.aoa_to_sheet([["PWNED"]]);
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, "x");
      XLSX.writeFile(book, "library_xlsx_url.xlsx");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">library_xlsx_url</p>;
}
