/**
 * A minimal RFC 6455 WebSocket server endpoint, enough for the Socket Mode emulator: the opening
 * handshake, text messages (fragmented or not), ping/pong and the close handshake. Written here
 * rather than pulling in a WebSocket package because the emulator only needs this small subset,
 * and the client on the other side is the real one (undici's, used by @slack/socket-mode).
 * No extensions are negotiated (no permessage-deflate), so frames are never compressed.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
/** Acks are small; anything this big is a bug in the peer, not a message worth buffering. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** How long to wait for the peer's close frame before dropping the TCP connection. */
const CLOSE_TIMEOUT_MS = 1000;

export type WebSocketHandlers = {
  onText(text: string): void;
  /** Called once, when the connection is gone (close handshake done, or the socket dropped). */
  onClose(code: number, reason: string): void;
};

export type WebSocketPeer = {
  send(text: string): void;
  /** Starts the close handshake; the TCP connection ends when the peer answers (or after 1 s). */
  close(code?: number, reason?: string): void;
  /** Drops the TCP connection without a close handshake, like a network failure. */
  terminate(): void;
  readonly open: boolean;
};

const encodeFrame = (opcode: number, payload: Buffer): Buffer => {
  const length = payload.length;
  // Server-to-client frames are never masked (RFC 6455 section 5.1).
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x80 | opcode;
            h[1] = 127;
            h.writeBigUInt64BE(BigInt(length), 2);
            return h;
          })();
  return Buffer.concat([header, payload]);
};

const closePayload = (code: number, reason: string): Buffer => {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
};

type Frame = { fin: boolean; opcode: number; payload: Buffer };

/** Reads one client frame from the front of `buffer`; `undefined` when more bytes are needed. */
const readFrame = (buffer: Buffer): { frame: Frame; size: number } | 'too_big' | 'unmasked' | undefined => {
  if (buffer.length < 2) return undefined;
  const first = buffer[0] ?? 0;
  const second = buffer[1] ?? 0;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    const big = buffer.readBigUInt64BE(2);
    if (big > BigInt(MAX_MESSAGE_BYTES)) return 'too_big';
    length = Number(big);
    offset = 10;
  }
  if (length > MAX_MESSAGE_BYTES) return 'too_big';
  // Clients must mask every frame (RFC 6455 section 5.1).
  if ((second & 0x80) === 0) return 'unmasked';
  if (buffer.length < offset + 4 + length) return undefined;
  const mask = buffer.subarray(offset, offset + 4);
  const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload }, size: offset + 4 + length };
};

/** Answers an HTTP upgrade request with an error status and drops the socket. */
export const rejectUpgrade = (socket: Duplex, status: number, message: string): void => {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/**
 * Completes the opening handshake on an HTTP `upgrade` and returns the connection, or answers
 * 400 and returns `undefined` when the request is not a valid WebSocket upgrade.
 */
export const acceptWebSocket = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  handlers: WebSocketHandlers,
): WebSocketPeer | undefined => {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string' || key === '') {
    rejectUpgrade(socket, 400, 'Bad Request');
    return undefined;
  }
  const accept = createHash('sha1').update(`${key}${HANDSHAKE_GUID}`).digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );

  let open = true;
  let closeSent = false;
  let finished = false;
  let closeTimer: NodeJS.Timeout | undefined;
  let closeCode = 1006;
  let closeReason = '';
  let pending: Buffer = head.length > 0 ? Buffer.from(head) : Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let fragmentedOpcode = 0;
  let fragmentedBytes = 0;

  const finish = () => {
    if (finished) return;
    finished = true;
    open = false;
    clearTimeout(closeTimer);
    handlers.onClose(closeCode, closeReason);
  };
  const write = (opcode: number, payload: Buffer) => {
    if (!socket.destroyed && socket.writable) socket.write(encodeFrame(opcode, payload));
  };
  const startClose = (code: number, reason: string) => {
    if (closeSent) return;
    closeSent = true;
    open = false;
    write(OPCODE.close, closePayload(code, reason));
    closeTimer = setTimeout(() => socket.destroy(), CLOSE_TIMEOUT_MS);
  };

  const onFrame = ({ fin, opcode, payload }: Frame) => {
    if (opcode === OPCODE.ping) return write(OPCODE.pong, payload);
    if (opcode === OPCODE.pong) return;
    if (opcode === OPCODE.close) {
      closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      closeReason = payload.subarray(2).toString('utf8');
      // Echo the close frame (if we did not start the handshake), then end the TCP connection.
      if (!closeSent) {
        closeSent = true;
        write(OPCODE.close, payload.subarray(0, 2));
      }
      open = false;
      socket.end();
      return;
    }
    if (opcode === OPCODE.text || opcode === OPCODE.binary) {
      fragmentedOpcode = opcode;
      fragments = [payload];
      fragmentedBytes = payload.length;
    } else if (opcode === OPCODE.continuation) {
      fragments.push(payload);
      fragmentedBytes += payload.length;
      if (fragmentedBytes > MAX_MESSAGE_BYTES) return startClose(1009, 'message too big');
    } else {
      return startClose(1002, 'unknown opcode');
    }
    if (!fin) return;
    const message = Buffer.concat(fragments);
    fragments = [];
    // Socket Mode only speaks JSON text; binary frames are ignored like Slack does.
    if (fragmentedOpcode === OPCODE.text && open) handlers.onText(message.toString('utf8'));
  };

  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const read = readFrame(pending);
      if (read === undefined) return;
      if (read === 'too_big') return startClose(1009, 'message too big');
      if (read === 'unmasked') return startClose(1002, 'frames from a client must be masked');
      pending = pending.subarray(read.size);
      onFrame(read.frame);
    }
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', finish);

  return {
    send: (text) => {
      if (open) write(OPCODE.text, Buffer.from(text, 'utf8'));
    },
    close: (code = 1000, reason = '') => startClose(code, reason),
    terminate: () => socket.destroy(),
    get open() {
      return open;
    },
  };
};
