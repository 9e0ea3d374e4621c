/**
 * One unmasked, final WebSocket text frame (RFC 6455 §5.2): header and payload in one buffer.
 *
 * why: Engine.IO writes a frame handed to it as `wsPreEncodedFrame` straight to the TCP socket
 * (Socket.IO's own broadcasts use this to frame a message once for every receiver). A room's
 * fan-out sends each player a different message, so it frames each one itself: one allocation,
 * instead of the packet encoding and framing steps Engine.IO and ws would run.
 */
const EMPTY = Buffer.alloc(0);

/**
 * The frame whose payload is the bytes of `head` followed by `tail` as UTF-8. why: the players
 * of a fan-out share most of their message, so that part is encoded once and copied per player.
 */
export function textFrame(tail: string, head: Buffer = EMPTY): Buffer {
  const length = head.length + Buffer.byteLength(tail);
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81; // FIN + opcode 1 (text)
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  head.copy(frame, header);
  frame.write(tail, header + head.length, 'utf8');
  return frame;
}
