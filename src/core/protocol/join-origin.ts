/**
 * Which address the projector shows for joining (QR code and "join at"). why: a host running the
 * app on a laptop opens it as http://localhost:3000, which every phone resolves to itself.
 */
export interface JoinOriginInput {
  /** APP_URL, when the operator set one: always wins. */
  appUrl: string | null;
  /** The machine's own non-loopback IPv4 addresses, best first. */
  lanAddresses: string[];
  /** The port the server listens on. */
  port: number;
  /** `window.location.origin` of the host's browser. */
  pageOrigin: string;
}

export interface JoinOrigin {
  origin: string;
  /** Set when phones probably cannot reach `origin`; shown on the projector. */
  warning: string | null;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

export function joinOrigin(input: JoinOriginInput): JoinOrigin {
  if (input.appUrl) return { origin: input.appUrl.replace(/\/+$/, ''), warning: null };
  let page: URL;
  try {
    page = new URL(input.pageOrigin);
  } catch {
    return { origin: input.pageOrigin, warning: null };
  }
  if (!LOOPBACK.test(page.hostname)) return { origin: page.origin, warning: null };
  const lan = input.lanAddresses[0];
  if (lan) return { origin: `${page.protocol}//${lan}:${input.port}`, warning: null };
  return {
    origin: page.origin,
    warning: 'Phones cannot reach "localhost". Connect this computer to the classroom network, or set APP_URL to an address the phones can open.',
  };
}
