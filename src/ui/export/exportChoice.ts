// The export dialog's vocabulary: the columns it offers and what the user chose.
export interface ColumnChoice {
  id: string;
  label: string;
}

/** What the user chose in the dialog: the export's own options. */
export interface ExportChoice {
  columns: string[];
  bom: boolean;
  formulaGuard: boolean;
  destination: "auto" | "download";
}
