import type { Connection } from 'vscode-languageserver/node';

/**
 * The connection as the modules that answer the client's own requests (the host panel's, the libvirt
 * view's) see it: each request they registered calls `handled` before its handler, as the editor's
 * document messages do in languageServer.ts, so the warm-up and a virsh's start leave the next turn to its
 * answer (quietTurns.ts). Everything else is the connection's own.
 */
export function markedRequests(connection: Connection, handled: () => void): Connection {
  const onRequest = (method: string, handler: (...params: unknown[]) => unknown) =>
    connection.onRequest(method, (...params: unknown[]) => {
      handled();
      return handler(...params);
    });
  return Object.create(connection, { onRequest: { value: onRequest } }) as Connection;
}
