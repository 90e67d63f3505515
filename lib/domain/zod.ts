import { z } from "zod";

// Zod builds its fastest parsers with `new Function`, which the Content-Security-Policy
// forbids in the browser (decision 015); its feature test alone is reported as a violation.
// Every schema of the portal takes zod from here, so none of them tries.
z.config({ jitless: true });

export { z };
