import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** An operator's command (`npm run audit:verify`, …) as a new Node process against this file's database. */
export async function operatorCommand(script: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", script, ...args], { env: process.env });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}
