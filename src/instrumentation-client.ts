import { z } from 'zod';

// why: zod 4 probes whether it may compile parsers with `new Function` the first time it parses
// an object. The CSP forbids eval, so the probe fails (harmlessly) but the browser reports a CSP
// violation. Next runs this file before any of the app's client modules are evaluated, which a
// component in the layout cannot promise: a page module that parses while it loads (e.g. the
// review settings' defaults) may be evaluated first. The server has no CSP and keeps zod's
// compiled parsers.
z.config({ jitless: true });
