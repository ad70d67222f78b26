// Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
// "Binary Format"). Binary rather than text COPY because the raw bodies go into a bytea column as they
// are (text COPY would need them hex-encoded, doubling what is sent) and nothing needs escaping.
// Each value is encoded as the json_to_recordset loader would read it from JSON.stringify(row), so
// both loaders store identical rows (test/integration/seed-reprocess.test.ts checks the result).
import type { ColumnType, CallTable, CallTableName } from "@/lib/ingest/call-table-columns";

type Row = Record<string, unknown>;

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 4294967296;
const CHUNK = 1 << 20;

/** Rows of one table as a binary COPY stream, in chunks of about 1 MB (COPY data need not break at rows). */
export class CopyBinaryRows {
  private readonly chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafeSlow(CHUNK);
  private pos = 0;
  private rows = 0;

  constructor(private readonly table: CallTable) {
    this.bytes(SIGNATURE);
    this.int32(0); // flags
    this.int32(0); // header extension length
  }

  add(row: Row) {
    const columns = this.table.columns;
    this.int16(columns.length);
    for (const [name, type] of columns) this.value(type, row[name], name);
    this.rows++;
  }

  finish(): { table: CallTableName; rows: number; copy: Buffer[] } {
    this.int16(-1);
    this.chunks.push(this.buf.subarray(0, this.pos));
    return { table: this.table.name, rows: this.rows, copy: this.chunks };
  }

  private value(type: ColumnType, value: unknown, column: string) {
    const table = this.table.name;
    if (value === null || value === undefined) return this.int32(-1);
    switch (type) {
      case "text":
        // As json_to_recordset reads a non-string JSON value into a text column: its JSON text.
        return this.utf8(typeof value === "string" ? value : JSON.stringify(value), 0);
      case "bytea":
        if (typeof value !== "string") throw new Error(`${table}.${column}: expected a string`);
        return this.utf8(value, 0);
      case "jsonb":
        return this.utf8(JSON.stringify(value), 1); // jsonb's binary form: version 1, then the JSON text
      case "int":
        if (!Number.isInteger(value) || (value as number) > 2147483647 || (value as number) < -2147483648) {
          throw new Error(`${table}.${column}: ${JSON.stringify(value)} is not an int`);
        }
        this.ensure(8);
        this.buf.writeInt32BE(4, this.pos);
        this.buf.writeInt32BE(value as number, this.pos + 4);
        this.pos += 8;
        return;
      case "float8":
        if (typeof value !== "number") throw new Error(`${table}.${column}: ${JSON.stringify(value)} is not a number`);
        this.ensure(12);
        this.buf.writeInt32BE(8, this.pos);
        this.buf.writeDoubleBE(value, this.pos + 4);
        this.pos += 12;
        return;
      case "boolean":
        if (typeof value !== "boolean") throw new Error(`${table}.${column}: ${JSON.stringify(value)} is not a boolean`);
        this.ensure(5);
        this.buf.writeInt32BE(1, this.pos);
        this.buf[this.pos + 4] = value ? 1 : 0;
        this.pos += 5;
        return;
      case "timestamptz": {
        const ms = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : NaN;
        if (!Number.isInteger(ms)) throw new Error(`${table}.${column}: ${JSON.stringify(value)} is not a time`);
        // Microseconds since 2000-01-01 as a signed 64-bit integer, written as two 32-bit halves.
        const micros = (ms - POSTGRES_EPOCH_MS) * 1000;
        const high = Math.floor(micros / TWO_32);
        this.ensure(12);
        this.buf.writeInt32BE(8, this.pos);
        this.buf.writeInt32BE(high, this.pos + 4);
        this.buf.writeUInt32BE(micros - high * TWO_32, this.pos + 8);
        this.pos += 12;
        return;
      }
    }
  }

  /** A length-prefixed UTF-8 value, preceded by jsonb's version byte when `version` is 1. */
  private utf8(text: string, version: 0 | 1) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.ensure(5 + text.length * 3);
    const start = this.pos + 4 + version;
    const written = this.buf.write(text, start, "utf8");
    this.buf.writeInt32BE(written + version, this.pos);
    if (version) this.buf[this.pos + 4] = version;
    this.pos = start + written;
  }

  private bytes(data: Buffer) {
    this.ensure(data.length);
    data.copy(this.buf, this.pos);
    this.pos += data.length;
  }

  private int16(n: number) {
    this.ensure(2);
    this.buf.writeInt16BE(n, this.pos);
    this.pos += 2;
  }

  private int32(n: number) {
    this.ensure(4);
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4;
  }

  /** Room for n more bytes in the current chunk (each value is written whole into one chunk). */
  private ensure(n: number) {
    if (this.pos + n <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafeSlow(Math.max(CHUNK, n));
    this.pos = 0;
  }
}
