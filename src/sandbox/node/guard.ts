// What the Node server refuses before the sandbox sees a request. The sandbox listens on the
// loopback for one user's browser; these close the ways another web page could still reach it.
import type { IncomingMessage } from "node:http";

/** No request of the sandbox comes near this (a token form, a fault switch): 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A body larger than MAX_BODY_BYTES, refused (413) before more of it is held in memory. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * Whether the `Host` header names this machine: a loopback name (any port) or the host the server
 * was told to listen on. A page on another site that rebinds its own DNS name to 127.0.0.1 sends
 * its own name here (DNS rebinding), so it gets 421 instead of a same-origin view of the sandbox.
 */
export function hostAllowed(hostHeader: string | undefined, configuredHost: string): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.startsWith("[")
    ? hostHeader.slice(0, hostHeader.indexOf("]") + 1)
    : hostHeader.replace(/:\d*$/, "");
  const configured = configuredHost.includes(":") ? `[${configuredHost}]` : configuredHost;
  return ["127.0.0.1", "localhost", "[::1]", configured].includes(name.toLowerCase());
}

/**
 * Reads the whole body, up to MAX_BODY_BYTES; rejects with BodyTooLargeError beyond that. The
 * stream is left open (what still comes is dropped, not held) so the 413 can be sent on it: the
 * caller destroys the request once the answer is out.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData).off("end", onEnd).resume();
      chunks.length = 0;
      reject(new BodyTooLargeError());
    };
    const onEnd = () => resolve(Uint8Array.from(Buffer.concat(chunks)));
    req.on("data", onData).on("end", onEnd).once("error", reject);
  });
}
