// Rows of one table, encoded as they are produced into the form the database connection takes them
// (see tools/seed/write-seed-batch.ts). Encoding each row at once, instead of keeping a batch of row
// objects, lets them die young: most of the seed's garbage is then cheap to collect.
import { CopyBinaryRows } from "./copy-binary";
import type { CallTable, CallTableName } from "@/lib/ingest/call-table-columns";

type Row = Record<string, unknown>;

/** "copy": binary COPY rows (a Postgres server); "json": a JSON array (the embedded database). */
export type SeedFormat = "copy" | "json";

export type EncodedTable = { table: CallTableName; rows: number; copy?: Buffer[]; json?: string };

export type RowSink = { add(row: Row): void; finish(): EncodedTable };

export function rowSink(format: SeedFormat, table: CallTable): RowSink {
  return format === "copy" ? new CopyBinaryRows(table) : new JsonRows(table);
}

class JsonRows implements RowSink {
  private readonly parts: string[] = [];
  constructor(private readonly table: CallTable) {}

  add(row: Row) {
    this.parts.push(JSON.stringify(row));
  }

  finish(): EncodedTable {
    return { table: this.table.name, rows: this.parts.length, json: `[${this.parts.join(",")}]` };
  }
}
