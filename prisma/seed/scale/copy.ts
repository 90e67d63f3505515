import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A value of one column as COPY's text format writes it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Days as "YYYY-MM-DD" are passed as strings; instants as Dates, stored as UTC (timestamp without time zone). */
function encode(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") {
    // Backslash, newline, carriage return and tab are COPY's special characters.
    return /[\\\n\r\t]/.test(value)
      ? value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")
      : value;
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  return value.toISOString().replace("T", " ").replace("Z", "");
}

/** A PostgreSQL array literal of plain words (enum values, keys). */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.join(",")}}`;
}

const FLUSH_AT = 1 << 18;

/**
 * One table loaded with COPY … FROM STDIN on its own connection. Rows are
 * buffered and written in chunks; `drain` waits while PostgreSQL catches up,
 * so memory stays flat however many rows go through.
 */
export class TableCopy {
  rows = 0;
  private stream: Writable | null = null;
  private buffer: string[] = [];
  private buffered = 0;
  private failure: Error | null = null;

  constructor(
    readonly client: pg.Client,
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  async open(): Promise<void> {
    const cols = this.columns.map((c) => `"${c}"`).join(", ");
    this.stream = this.client.query(copyFrom(`COPY "${this.table}" (${cols}) FROM STDIN`));
    this.stream.on("error", (error: Error) => {
      this.failure ??= error;
    });
  }

  row(values: readonly Cell[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    let line = "";
    for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + encode(values[i]);
    line += "\n";
    this.buffer.push(line);
    this.buffered += line.length;
    this.rows += 1;
  }

  /** Writes what is buffered once there is enough of it (or always, with `force`), waiting when the stream is full. */
  async drain(force = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream) throw new Error(`${this.table}: not open`);
    if (this.buffered === 0 || (!force && this.buffered < FLUSH_AT)) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.buffered = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, "drain"), once(this.stream, "error")]);
    if (this.failure) throw this.failure;
  }

  /** Ends the COPY; its rows are committed when this returns. */
  async end(): Promise<number> {
    await this.drain(true);
    this.stream!.end();
    await finished(this.stream!);
    if (this.failure) throw this.failure;
    return this.rows;
  }
}

/** A connection for loading: as the owner, with triggers and foreign-key checks off for this session only. */
export async function loadingConnection(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET session_replication_role = replica");
  await client.query("SET synchronous_commit = off");
  return client;
}
