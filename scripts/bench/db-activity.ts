/**
 * What the portal's database connections are doing during a load run, sampled
 * from pg_stat_activity: how many are running a statement, waiting for a lock,
 * or idle inside a transaction (the server is busy between two statements),
 * and which statements are seen running most often. A cheap answer to "why is
 * this scenario slow" that needs no change to the server's logging.
 */
import pg from "pg";

export type ActivitySummary = {
  samples: number;
  /** Average number of the portal's connections per state (running, waiting on …, idle in transaction) */
  averageConnections: Record<string, number>;
  /** The statements seen running most often, with the average number of connections running each */
  topStatements: { statement: string; averageRunning: number }[];
};

export class DatabaseActivity {
  private client: pg.Client;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private samples = 0;
  private states = new Map<string, number>();
  private statements = new Map<string, number>();

  constructor(
    connectionString: string,
    private readonly database: string,
    private readonly role: string,
  ) {
    this.client = new pg.Client({ connectionString });
  }

  async start(everyMs = 250): Promise<void> {
    await this.client.connect();
    this.timer = setInterval(() => void this.sample(), everyMs);
    this.timer.unref();
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query<{ state: string | null; wait: string | null; query: string }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait, regexp_replace(left(query, 400), '\\s+', ' ', 'g') AS query
         FROM pg_stat_activity
         WHERE datname = $1 AND usename = $2 AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`,
        [this.database, this.role],
      );
      this.samples++;
      for (const row of rows) {
        const running = row.state === "active";
        const state = running ? (row.wait && !row.wait.startsWith("Client:") ? `waiting on ${row.wait}` : "running") : (row.state ?? "unknown");
        this.states.set(state, (this.states.get(state) ?? 0) + 1);
        if (running) this.statements.set(row.query, (this.statements.get(row.query) ?? 0) + 1);
      }
    } catch {
      // A missed sample changes nothing.
    } finally {
      this.busy = false;
    }
  }

  /** The summary since the last mark, and a fresh start. */
  mark(): ActivitySummary {
    const samples = Math.max(1, this.samples);
    const summary: ActivitySummary = {
      samples: this.samples,
      averageConnections: Object.fromEntries([...this.states].sort((a, b) => b[1] - a[1]).map(([state, n]) => [state, Math.round((n / samples) * 100) / 100])),
      topStatements: [...this.statements]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([statement, n]) => ({ statement, averageRunning: Math.round((n / samples) * 100) / 100 })),
    };
    this.samples = 0;
    this.states.clear();
    this.statements.clear();
    return summary;
  }

  /**
   * Waits until none of the portal's connections is inside a statement or a transaction,
   * twice in a row: requests of the previous scenario that the server was still working
   * through when the load tool stopped must not slow down the next one. Answers the
   * seconds waited, or null when it was still busy after `timeoutMs`.
   */
  async quiet(timeoutMs = 60_000): Promise<number | null> {
    const started = Date.now();
    let calm = 0;
    while (Date.now() - started < timeoutMs) {
      const { rows } = await this.client.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
         WHERE datname = $1 AND usename = $2 AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`,
        [this.database, this.role],
      );
      calm = rows[0]!.busy === 0 ? calm + 1 : 0;
      if (calm >= 2) return (Date.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.client.end();
  }
}
