import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

// Kept apart from protocol.ts, whose payload schemas need zod at run time: content scripts send
// and receive through this file alone and stay small.
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
