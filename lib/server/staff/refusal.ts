import "server-only";
import type { StaffRefusal } from "@/lib/domain/staff-roles";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/server/errors";

/**
 * A refusal of the staff rules as the service's error: a scope that is not the
 * actor's is "not found", like any record that is not theirs; the rest say why,
 * next to `field` when the form has one that the reason belongs to.
 */
export function refusal(reason: StaffRefusal, field?: string): DomainError {
  switch (reason) {
    case "notYours":
      return new NotFoundError();
    case "roleNotAllowed":
      return field ? new DomainError("checkFields", { role: "roleNotAllowed" }) : new ForbiddenError();
    case "self":
      return field ? new DomainError("checkFields", { [field]: "notYourself" }) : new DomainError("notYourself");
    case "notFirst":
      return new DomainError("hasManager");
    case "lastManager":
      return new DomainError("lastManager");
    case "sameRole":
      return new DomainError("checkFields", { role: "sameRole" });
  }
}
