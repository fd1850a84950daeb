// What server/remix.ts passes to every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientAddress?: string;
    // This response's Content-Security-Policy nonce (production server only).
    cspNonce?: string;
  }
}

export {};
