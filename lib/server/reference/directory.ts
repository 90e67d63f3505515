import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How people reach a gemeente's aanspreekpunt and its client support: what the directory, the admin page and the decision letter show. */
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

/** The name to show first: the one people use. */
export function displayName(g: { name: string; commonName: string | null }): string {
  return g.commonName ?? g.name;
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

/**
 * Gemeenten whose official name or common name contains the query, ignoring
 * case and accents; best matches first, then alphabetically. An empty query
 * finds nothing. There are a few hundred gemeenten, so they are matched here
 * rather than with a database extension that a plain PostgreSQL may lack.
 */
export async function searchGemeenten(query: string): Promise<DirectoryEntry[]> {
  const key = searchKey(query.slice(0, maxQueryLength));
  if (!key) return [];
  const all = await prisma.gemeente.findMany({ select: { cbsCode: true, name: true, commonName: true } });
  const collator = new Intl.Collator("nl", { sensitivity: "base" });
  return all
    .flatMap((g) => {
      const r = rank(g, key);
      return r === null ? [] : [{ g, r }];
    })
    .sort((a, b) => a.r - b.r || collator.compare(displayName(a.g), displayName(b.g)))
    .map(({ g }) => g);
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

/** The public page of one gemeente, or null when no gemeente has this CBS code. */
export async function findGemeenteDirectoryEntry(cbsCode: string) {
  const code = cbsCode.trim().toUpperCase();
  if (!cbsCodePattern.test(code)) return null;
  const g = await prisma.gemeente.findUnique({
    where: { cbsCode: code },
    select: {
      cbsCode: true,
      ...gemeenteContactSelect,
      region: { select: { name: true, expertTeam: { select: { name: true, email: true, phone: true } } } },
    },
  });
  if (!g) return null;
  return {
    cbsCode: g.cbsCode,
    name: g.name,
    commonName: g.commonName,
    aanspreekpunt: { name: g.contactName, email: g.contactEmail, phone: g.contactPhone, hours: g.contactHours },
    region: g.region ? { name: g.region.name, expertTeam: g.region.expertTeam } : null,
    clientSupport: { name: g.clientSupportName, phone: g.clientSupportPhone, url: webAddress(g.clientSupportUrl) },
  };
}

export type GemeenteDirectoryEntry = NonNullable<Awaited<ReturnType<typeof findGemeenteDirectoryEntry>>>;
