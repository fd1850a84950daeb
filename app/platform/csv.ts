// CSV downloads of the dashboard's tables (RFC 4180). Pure.
export type CsvColumn<Row> = { header: string; value: (row: Row) => string | number | null | undefined };

// A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula, so such text
// is prefixed with ' to stay text. Numbers are written as numbers: -3.5 is a value, not a formula.
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))];
  return lines.map((line) => line.join(",")).join("\r\n") + "\r\n";
}
