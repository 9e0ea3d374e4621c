import * as defaultParser from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { EncodedView, viewParser } from '../../../server/rooms/encoded-view';

const view = { audience: 'player', phase: 'reveal', me: { nickname: 'Zoë "Z"', score: 1200 }, reveal: { correct: [0, 2] }, podium: null };
const event = (data: unknown[], extra: Partial<defaultParser.Packet> = {}): defaultParser.Packet => ({ type: defaultParser.PacketType.EVENT, nsp: '/', data, ...extra });

describe('the view parser', () => {
  const ours = new viewParser.Encoder();
  const plain = new defaultParser.Encoder();

  it('sends an encoded view as exactly the packet the default parser makes of the view', () => {
    const encoded = new EncodedView(JSON.stringify(view));
    expect(ours.encode(event(['room:view', encoded]))).toEqual(plain.encode(event(['room:view', view])));
    // Namespaced and acknowledged packets keep their prefixes.
    expect(ours.encode(event(['room:view', encoded], { nsp: '/admin', id: 7 }))).toEqual(plain.encode(event(['room:view', view], { nsp: '/admin', id: 7 })));
  });

  it('decodes what it sends with the default parser (what browsers run)', () => {
    const decoder = new defaultParser.Decoder();
    const got: defaultParser.Packet[] = [];
    decoder.on('decoded', (p: defaultParser.Packet) => got.push(p));
    for (const chunk of ours.encode(event(['room:view', new EncodedView(JSON.stringify(view))]))) decoder.add(chunk);
    expect(got).toEqual([{ type: defaultParser.PacketType.EVENT, nsp: '/', data: ['room:view', view] }]);
  });

  it('leaves every other packet to the default parser', () => {
    const packets = [event(['room:view', view]), event(['x', 1, 2]), { type: defaultParser.PacketType.ACK, nsp: '/', id: 3, data: [{ ok: true }] }];
    for (const p of packets) expect(ours.encode(p)).toEqual(plain.encode(p));
    expect(viewParser.Decoder).toBe(defaultParser.Decoder);
  });

  it('turns back into the view on any other path (toJSON)', () => {
    expect(plain.encode(event(['room:view', new EncodedView(JSON.stringify(view))]))).toEqual(plain.encode(event(['room:view', view])));
  });
});
