import { describe, expect, it } from 'vitest';
import { joinOrigin } from '@/core/protocol';

const base = { appUrl: null, lanAddresses: [] as string[], port: 3000 };

describe('the join address on the projector', () => {
  it('uses APP_URL whenever it is set', () => {
    expect(joinOrigin({ ...base, appUrl: 'https://quiz.school.example/', pageOrigin: 'http://localhost:3000' })).toEqual({
      origin: 'https://quiz.school.example',
      warning: null,
    });
  });

  it("uses the page's own address when the host opened the app by a reachable name", () => {
    expect(joinOrigin({ ...base, lanAddresses: ['192.168.1.20'], pageOrigin: 'http://10.0.0.5:3000' })).toEqual({ origin: 'http://10.0.0.5:3000', warning: null });
  });

  it('swaps localhost for the machine’s LAN address and port', () => {
    for (const pageOrigin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(joinOrigin({ ...base, lanAddresses: ['192.168.1.20', '172.17.0.1'], pageOrigin })).toEqual({ origin: 'http://192.168.1.20:3000', warning: null });
    }
  });

  it('warns when no address a phone could reach is known', () => {
    const r = joinOrigin({ ...base, pageOrigin: 'http://localhost:3100' });
    expect(r.origin).toBe('http://localhost:3100');
    expect(r.warning).toMatch(/APP_URL/);
  });
});
