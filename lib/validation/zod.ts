// zod as the schemas shared with the browser must import it: configured before any schema exists.
// `jitless`: zod otherwise probes `new Function('')` when a schema is built, which the page's CSP
// refuses and reports as a violation (docs/security.md: no eval, zero violations).
import { z } from 'zod';

z.config({ jitless: true });

export { z };
