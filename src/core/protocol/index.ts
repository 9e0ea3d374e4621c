/** The wire protocol between browser/bot clients and the game server. See docs/protocol.md. */
export { PROTOCOL_VERSION, EVENTS, type EventName } from './events';
export * from './schemas';
export * from './types';
export { joinOrigin, type JoinOrigin, type JoinOriginInput } from './join-origin';
