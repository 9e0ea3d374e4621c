/**
 * A view that is already JSON, and the Socket.IO parser that sends it as is.
 *
 * why: a fan-out sends every player their own view, and most of each view is what all players
 * share. view-cache.ts encodes that part once per state and each player's own fields after it;
 * the default parser would instead walk every view looking for binary data and stringify it
 * whole, once per player (with 1,000 players, several times the cost of building the JSON).
 * Socket.IO has no public way to emit an encoded payload to one socket, but `parser` is a
 * documented server option (https://socket.io/docs/v4/custom-parser/): this one is the
 * default parser with one shortcut, and what goes on the wire is byte for byte what
 * `socket.emit(event, view)` would send, so clients keep the default parser.
 */
import * as defaultParser from 'socket.io-parser';

/** A payload carried as its JSON; `toJSON` turns it back into the value for any other path. */
export class EncodedView<T> {
  // why `declare` and an assignment: a class field (what a parameter property compiles to at
  // ES2022) runs a per-instance initializer, and a fan-out makes one of these per player.
  declare readonly json: string;

  constructor(json: string) {
    this.json = json;
  }

  toJSON(): T {
    return JSON.parse(this.json) as T;
  }
}

class Encoder extends defaultParser.Encoder {
  override encode(packet: defaultParser.Packet): Array<string | Buffer> {
    const data: unknown = packet.data;
    if (packet.type === defaultParser.PacketType.EVENT && Array.isArray(data) && data.length === 2 && data[1] instanceof EncodedView) {
      // The default parser's text packet: type, namespace unless "/", ack id, then the JSON array.
      let head = `${packet.type}`;
      if (packet.nsp && packet.nsp !== '/') head += `${packet.nsp},`;
      if (packet.id != null) head += packet.id;
      return [`${head}[${JSON.stringify(data[0])},${data[1].json}]`];
    }
    return super.encode(packet);
  }
}

/** The value of the `parser` server option. */
export const viewParser = { ...defaultParser, Encoder };
