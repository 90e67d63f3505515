/**
 * Expected failures of a service. Each carries a key of the `errors` section
 * of the message catalogs; anything else is unexpected and shown generically.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** "Does not exist" and "not yours" look the same to the caller. */
export class NotFoundError extends DomainError {
  constructor() {
    super("notFound");
  }
}

export class ForbiddenError extends DomainError {
  constructor() {
    super("forbidden");
  }
}

/** The case changed under the caller (another person acted first, or the state does not allow this). */
export class ConflictError extends DomainError {
  constructor(code = "conflict") {
    super(code);
  }
}
