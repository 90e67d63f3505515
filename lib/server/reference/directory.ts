import "server-only";
import { displayName } from "@/lib/domain/gemeente-name";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How people reach a gemeente's aanspreekpunt, its client support and its ombudsman: what the directory, the admin page and the decision letter show. */
export const gemeenteContactSelect = {
  name: true,
  commonName: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  contactHours: true,
  clientSupportName: true,
  clientSupportPhone: true,
  clientSupportUrl: true,
  ombudsmanName: true,
  ombudsmanUrl: true,
} satisfies Prisma.GemeenteSelect;

/**
 * The public directory of gemeenten: where a citizen can go. Everything here
 * is public reference data that anyone may read without signing in, so the
 * queries select named public columns only and never touch case data.
 */

export type DirectoryEntry = { cbsCode: string; name: string; commonName: string | null };

/**
 * Text as people type it: without accents, case, apostrophes, hyphens or
 * spaces, so that "den haag", "Den-Haag" and "denhaag" are the same, and
 * "sudwest fryslan" finds "Súdwest-Fryslân".
 */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}


/** 0: the whole name, 1: the start of the name or of one of its words, 2: anywhere. */
function rank(g: DirectoryEntry, key: string): number | null {
  const names = [g.name, g.commonName].filter((n): n is string => !!n);
  if (names.some((n) => searchKey(n) === key)) return 0;
  const starts = names.some((n) => searchKey(n).startsWith(key) || n.split(/[\s'-]+/).some((w) => searchKey(w).startsWith(key)));
  if (starts) return 1;
  return names.some((n) => searchKey(n).includes(key)) ? 2 : null;
}

const maxQueryLength = 100;

/** An ended gemeente found by its old name: the search shows the gemeente it merged into. */
export type DirectorySearchEntry = DirectoryEntry & { formerName?: string };

type Listed = DirectoryEntry & { id: string; endedOn: Date | null; successorId: string | null };

/** The gemeente that exists now for one that may have merged (once or more) into another. */
function currentOf(g: Listed, byId: Map<string, Listed>): Listed | null {
  let at: Listed | undefined = g;
  for (let hops = 0; at?.endedOn && hops < 20; hops += 1) at = at.successorId ? byId.get(at.successorId) : undefined;
  return at && !at.endedOn ? at : null;
}

/**
 * Gemeenten whose official name or common name contains the query, ignoring
 * case and accents; best matches first, then alphabetically. An empty query
 * finds nothing. There are a few hundred gemeenten, so they are matched here
 * rather than with a database extension that a plain PostgreSQL may lack.
 * A gemeente that merged into another is found by its old name too, and leads to
 * the gemeente it is part of now (decision 019).
 */
export async function searchGemeenten(query: string): Promise<DirectorySearchEntry[]> {
  const key = searchKey(query.slice(0, maxQueryLength));
  if (!key) return [];
  const all: Listed[] = await prisma.gemeente.findMany({
    select: { id: true, cbsCode: true, name: true, commonName: true, endedOn: true, successorId: true },
  });
  const byId = new Map(all.map((g) => [g.id, g]));
  const collator = new Intl.Collator("nl", { sensitivity: "base" });
  const best = new Map<string, { entry: DirectorySearchEntry; r: number }>();
  for (const g of all) {
    const r = rank(g, key);
    const now = r === null ? null : currentOf(g, byId);
    if (r === null || !now) continue;
    const entry: DirectorySearchEntry = { cbsCode: now.cbsCode, name: now.name, commonName: now.commonName };
    if (now !== g) entry.formerName = displayName(g);
    const seen = best.get(now.cbsCode);
    // The gemeente's own name counts before an old name that leads to it.
    if (!seen || r < seen.r || (r === seen.r && seen.entry.formerName && !entry.formerName)) best.set(now.cbsCode, { entry, r });
  }
  return [...best.values()]
    .sort((a, b) => a.r - b.r || collator.compare(displayName(a.entry), displayName(b.entry)))
    .map(({ entry }) => entry);
}

/** Only web addresses that open a web page are shown as links. */
function webAddress(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const cbsCodePattern = /^GM\d{4}$/;

function directoryRow(where: { cbsCode: string } | { id: string }) {
  return prisma.gemeente.findUnique({
    where,
    select: {
      cbsCode: true,
      endedOn: true,
      successorId: true,
      ...gemeenteContactSelect,
      region: { select: { name: true, expertTeam: { select: { name: true, email: true, phone: true } } } },
    },
  });
}

/**
 * The public page of one gemeente, or null when no gemeente has this CBS code. The
 * code of a gemeente that merged into another gives the page of the gemeente it is
 * part of now, with the old name and the day it ended.
 */
export async function findGemeenteDirectoryEntry(cbsCode: string) {
  const code = cbsCode.trim().toUpperCase();
  if (!cbsCodePattern.test(code)) return null;
  let formerly: { name: string; endedOn: string } | null = null;
  let where: { cbsCode: string } | { id: string } = { cbsCode: code };
  for (let hops = 0; hops < 20; hops += 1) {
    const g = await directoryRow(where);
    if (!g) return null;
    if (g.endedOn && g.successorId) {
      formerly ??= { name: displayName(g), endedOn: g.endedOn.toISOString().slice(0, 10) };
      where = { id: g.successorId };
      continue;
    }
    return {
      cbsCode: g.cbsCode,
      name: g.name,
      commonName: g.commonName,
      aanspreekpunt: { name: g.contactName, email: g.contactEmail, phone: g.contactPhone, hours: g.contactHours },
      region: g.region ? { name: g.region.name, expertTeam: g.region.expertTeam } : null,
      clientSupport: { name: g.clientSupportName, phone: g.clientSupportPhone, url: webAddress(g.clientSupportUrl) },
      // Only on the page of an old code, so that a current gemeente's entry has its public fields alone.
      ...(formerly ? { formerly } : {}),
    };
  }
  return null;
}

export type GemeenteDirectoryEntry = NonNullable<Awaited<ReturnType<typeof findGemeenteDirectoryEntry>>>;
