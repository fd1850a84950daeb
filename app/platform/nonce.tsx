import { createContext, useContext } from "react";

// The CSP nonce of the response being rendered, for the inline scripts Remix emits. In the
// browser it is empty: by then every script that needed it has run.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
