#!/usr/bin/env node
/**
 * Verifies an exported audit trail (the JSON download of a case's audit trail)
 * without the portal, its database or its code: plain Node, node:crypto and
 * node:fs only, so an auditor can read every line of it.
 *
 *   node scripts/verify-audit-export.mjs trail.json
 *
 * Recomputes the hash of every event from its fields (hash versions 1 and 2,
 * see docs/audit-trail.md), checks that the events are numbered 1, 2, 3… with
 * no gaps, that each names the hash of the one before, and that the last one
 * is the head recorded at export time. Prints OK, or the first broken link.
 * Exits 0 when the trail is whole, 1 when it is broken, 2 when the file cannot
 * be read as an export.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const FORMAT = "doorbraak-audit-trail";
const VERSION = 1;

/** Every field that hash version 2 covers: all stored fields but the hash. */
const VERSION_2_FIELDS = [
  "id", "chain", "seq", "occurredAt", "action", "outcome", "actorId", "actorName", "actorRole", "actorOrganisation",
  "onBehalfOf", "gemeenteId", "caseId", "caseNumber", "changes", "ip", "userAgent", "requestId", "prevHash", "hashVersion",
];

/** The fields that hash version 1 covered. */
const VERSION_1_FIELDS = ["chain", "seq", "occurredAt", "action", "outcome", "actorId", "actorRole", "gemeenteId", "caseId", "changes", "prevHash"];

/** JSON with object keys sorted (by UTF-16 code units) at every level and no spaces. */
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** A field missing from the file stays missing (canonicalJson leaves it out), so the hash shows it. */
function pick(event, fields) {
  return Object.fromEntries(fields.map((k) => [k, event[k]]));
}

function canonicalForm(event) {
  if (event.hashVersion === 1) return canonicalJson(pick(event, VERSION_1_FIELDS));
  if (event.hashVersion === 2) return canonicalJson(pick(event, VERSION_2_FIELDS));
  return null;
}

function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

class Unreadable extends Error {}

function readExport(file) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Unreadable(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (data?.format !== FORMAT) throw new Unreadable(`${file} is not a Doorbraak audit trail export (format is not "${FORMAT}")`);
  if (data.version !== VERSION) throw new Unreadable(`${file} has export version ${data.version}; this verifier reads version ${VERSION}`);
  if (typeof data.chain !== "string" || !Array.isArray(data.events)) throw new Unreadable(`${file} has no chain or no events`);
  if (!data.head || !Number.isInteger(data.head.seq) || typeof data.head.hash !== "string") throw new Unreadable(`${file} has no head`);
  return data;
}

/**
 * The first break in the chain, or null when it is whole. The checks are the
 * portal's own (lib/domain/audit-chain.ts), in the same order.
 */
function firstBreak(data) {
  let previous = null;
  for (const [index, event] of data.events.entries()) {
    const where = `event ${event?.seq ?? "?"} (number ${index + 1} in the file)`;
    if (event === null || typeof event !== "object") return `${where} is not an event`;
    const form = canonicalForm(event);
    if (form === null) return `${where} has an unknown hash version: ${JSON.stringify(event.hashVersion)}`;
    if (event.chain !== data.chain) return `${where} belongs to chain ${JSON.stringify(event.chain)}, not ${data.chain}: it was changed or moved`;
    if (event.chain !== (event.caseId ? `case:${event.caseId}` : "global")) return `${where} names a case that does not match its chain: it was changed`;
    if (sha256(form) !== event.hash) return `${where} was changed: its fields no longer give its hash (altered)`;
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (event.seq !== expectedSeq) return `events before ${where} are missing: expected event ${expectedSeq} (removed)`;
    if (event.prevHash !== (previous?.hash ?? null)) return `${where} does not point at the event before it: an event was inserted or replaced (relinked)`;
    previous = { seq: event.seq, hash: event.hash };
  }
  if (previous === null) return data.head.seq === 0 ? null : `the file has no events, but the head is event ${data.head.seq} (head)`;
  if (previous.seq !== data.head.seq || previous.hash !== data.head.hash) {
    return `the trail ends at event ${previous.seq}, not at the head recorded at export (event ${data.head.seq}): events were removed or added at the end (head)`;
  }
  return null;
}

function main(argv) {
  const file = argv[0];
  if (!file || argv.length > 1 || file === "--help" || file === "-h") {
    console.error("Usage: node scripts/verify-audit-export.mjs <trail.json>");
    return 2;
  }
  let data;
  try {
    data = readExport(file);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    console.error(`ERROR   ${error.message}`);
    return 2;
  }
  const what = `case ${data.case?.number ?? "(number unknown)"} (${data.chain})`;
  const broken = firstBreak(data);
  if (broken) {
    console.log(`BROKEN  ${what}: ${broken}`);
    return 1;
  }
  console.log(`OK      ${what}: ${data.events.length} event(s) checked, head ${data.head.seq} ${data.head.hash}. The trail is whole.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
