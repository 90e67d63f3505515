import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ReportSignal } from "@/lib/domain/quarterly-report";

/** The structural signals of a jeugdregio in a quarter ("2026-K3"), with what was done about each, for its quarterly reports. */
export async function readReportSignals(tx: Tx, regionId: string, quarter: string): Promise<ReportSignal[]> {
  void tx;
  void regionId;
  void quarter;
  return [];
}
