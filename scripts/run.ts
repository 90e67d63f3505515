import { spawn } from "node:child_process";

/** Runs a command with inherited output; rejects when it exits non-zero. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Seeds demo data through the real (server-only) services, in a child process. */
export function seedDemo(env: Record<string, string>): Promise<void> {
  return run("npx", ["tsx", "--conditions=react-server", "prisma/seed/demo.ts"], env);
}
