import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Finds the app's entry points on disk: the modules of server actions, the
 * route handlers and the pages. Tests compare these with their own tables, so
 * that a new entry point cannot go unnoticed.
 */

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.isFile() ? [full] : [];
  });
}

/** Every file under app/ whose name matches, as a path relative to the project (`app/...`), sorted. */
export function appFiles(matches: (fileName: string) => boolean): string[] {
  return walk(path.join(root, "app"))
    .filter((file) => matches(path.basename(file)))
    .map((file) => path.relative(root, file).split(path.sep).join("/"))
    .sort();
}

export const actionModules = (): string[] => appFiles((name) => name.endsWith("actions.ts"));
export const routeHandlers = (): string[] => appFiles((name) => name === "route.ts");
export const pages = (): string[] => appFiles((name) => name === "page.tsx");

export type DiscoveredAction = { file: string; name: string };

/** The exported functions of every server action module: each is a server action the browser can call. */
export async function serverActions(): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  for (const file of actionModules()) {
    const module = (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") found.push({ file, name });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}
