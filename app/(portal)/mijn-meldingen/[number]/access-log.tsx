import { useFormatter, useTranslations } from "next-intl";
import { FoldedSection } from "@/components/folded-section";
import type { AccessEntry, AccessLog } from "@/lib/server/cases/access-log";

/** Roles whose organisation is a gemeente. */
const gemeenteRoles = new Set(["AANSPREEKPUNT", "DECISION_HOLDER", "GEMEENTE_ADMIN"]);

/**
 * "Wie heeft mijn dossier bekeken?": who read the case and when staff changed
 * it, one line per person, day and kind, newest first, in plain words. Paging
 * is a plain link (a full page load) to the days before, so the browser moves
 * the reading position to this section.
 */
export function AccessLogSection({
  log,
  caseNumber,
  olderPage,
  describeStep,
}: {
  log: AccessLog;
  caseNumber: string;
  /** Whether this is a later page, not the newest entries */
  olderPage: boolean;
  describeStep: (step: NonNullable<AccessEntry["step"]>) => string;
}) {
  const t = useTranslations("family.accessLog");
  const tInvite = useTranslations("invitations");
  const format = useFormatter();

  function who(entry: AccessEntry): string {
    if (entry.you) return t("who.you");
    if (entry.role === "LINK_HOLDER") return t("who.LINK_HOLDER", { organisation: entry.organisation ?? "" });
    if (entry.role === "FAMILY" || entry.role === "PROFESSIONAL") {
      return entry.name ? t("whoParty", { name: entry.name, role: tInvite(`partyRole.${entry.partyRole ?? "OTHER"}`) }) : t("who.party");
    }
    const needsOrganisation = gemeenteRoles.has(entry.role) || entry.role === "EXPERT";
    const key = needsOrganisation && !entry.organisation ? "someone" : entry.role;
    const values = { name: entry.name ?? "", organisation: entry.organisation ?? "" };
    return entry.name ? t(`whoNamed.${key}`, values) : t(`who.${key}`, values);
  }

  const base = `/mijn-meldingen/${caseNumber}`;
  return (
    // Folded: it is long and read now and then; a later page opens it, as the reader asked for it.
    <FoldedSection id="wie-heeft-bekeken" title={t("title")} summary={t("intro")} open={olderPage}>
      <p className="mt-2">{t("grouped")}</p>
      <p className="mt-2">{log.namesShown ? t("namesShown", { gemeente: log.gemeente }) : t("namesHidden", { gemeente: log.gemeente })}</p>
      {olderPage && <p className="mt-2 font-semibold">{t("olderPage")}</p>}
      {log.entries.length === 0 ? (
        <p className="mt-4 text-lg">{olderPage ? t("noOlder") : t("empty")}</p>
      ) : (
        <ol className="mt-4 space-y-4 border-l-4 border-slate-500 pl-5">
          {log.entries.map((entry) => (
            <li key={entry.seq}>
              <p className="text-sm font-semibold text-slate-700">
                <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "long", timeStyle: "short" })}</time>
              </p>
              <p className="text-lg">{t("sentence", { who: who(entry), what: t(`what.${entry.kind}`) })}</p>
              {entry.count > 1 && <p className="font-semibold">{t("times", { count: entry.count })}</p>}
              {entry.step && <p className="text-slate-700">{t("step", { step: describeStep(entry.step) })}</p>}
            </li>
          ))}
        </ol>
      )}
      {log.entries.some((e) => e.kind === "auditRead" || e.kind === "auditExport") && <p className="mt-4">{t("auditExplained")}</p>}
      {(log.nextBefore !== null || olderPage) && (
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {log.nextBefore !== null && <a href={`${base}?bekeken=${log.nextBefore}#wie-heeft-bekeken`}>{t("more")}</a>}
          {olderPage && <a href={`${base}#wie-heeft-bekeken`}>{t("newest")}</a>}
        </p>
      )}
    </FoldedSection>
  );
}
